"""The wording rules in German: each rule refuses a German message and lets its near miss through,
the finding points at the German words, umlauts and their ae/oe/ue/ss spellings read alike, German
negation works like the English one, and words the two languages share do not trip the other's rules."""

import pytest

from messaging.compliance.checker import check_text, is_blocked
from tests.compliance.helpers import found, rules

# --- each rule: a German message it refuses, and the words it points at -------------------


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        (
            "Für eine 5-Sterne-Bewertung erhalten Sie einen Gutschein.",
            "incentive",
            "Für eine 5-Sterne-Bewertung erhalten Sie einen Gutschein",
        ),
        (
            "Als Dankeschön für Ihre Rezension schenken wir Ihnen 10 €.",
            "incentive",
            "Als Dankeschön für Ihre Rezension schenken wir Ihnen 10 €",
        ),
        ("Über eine 5-Sterne-Bewertung würden wir uns freuen.", "positive_review", "5-Sterne"),
        (
            "Wenn Ihnen der Artikel gefällt, schreiben Sie bitte eine Bewertung.",
            "positive_review",
            "Wenn Ihnen der Artikel gefällt, schreiben Sie bitte eine Bewertung",
        ),
        (
            "Bitte hinterlassen Sie keine negative Bewertung.",
            "positive_review",
            "hinterlassen Sie keine negative Bewertung",
        ),
        ("Bevor Sie uns bewerten, melden Sie sich bitte.", "positive_review", "Bevor Sie uns bewerten"),
        ("Besuchen Sie unsere Webseite für Videos.", "off_amazon", "unsere Webseite"),
        ("Sie können auch direkt bei uns bestellen.", "off_amazon", "direkt bei uns bestellen"),
        ("Senden Sie mir Ihre Handynummer.", "off_amazon", "Senden Sie mir Ihre Handynummer"),
        ("Schauen Sie sich unsere anderen Produkte an.", "promotion", "Schauen Sie sich unsere anderen"),
        (
            "Sie erhalten 10 % Rabatt auf Ihre nächste Bestellung.",
            "promotion",
            "10 % Rabatt auf Ihre nächste Bestellung",
        ),
        ("Nur solange der Vorrat reicht!", "promotion", "solange der Vorrat reicht"),
        ("Bitte überweisen Sie zusätzlich 5 €.", "extra_payment", "überweisen Sie zusätzlich 5"),
        ("Für Inseln fällt ein Aufpreis von 12 € an.", "extra_payment", "Aufpreis"),
        ("Unsere Bankverbindung lautet: Sparkasse Köln.", "extra_payment", "Unsere Bankverbindung"),
        ("Gute Nachrichten: Ihre Bestellung wurde verschickt.", "confirmation", "Ihre Bestellung wurde verschickt"),
        ("Versandbestätigung: Ihr Paket ist unterwegs.", "confirmation", "Versandbestätigung"),
        ("So eine Scheiße.", "profanity", "Scheiße"),
        ("Leck mich doch.", "profanity", "Leck mich"),
        ("Sie sind wirklich unfähig.", "insult", "Sie sind wirklich unfähig"),
        ("Können Sie nicht lesen?", "insult", "Können Sie nicht lesen"),
        ("Sie Lügner!", "liar", "Lügner"),
        ("Ihre Reklamation ist frei erfunden.", "liar", "Ihre Reklamation ist frei erfunden"),
        ("Wir werden rechtliche Schritte einleiten.", "threat", "rechtliche Schritte"),
        ("Wir schalten unseren Anwalt ein.", "threat", "unseren Anwalt"),
        ("Leute wie Sie kennen wir.", "discrimination", "Leute wie Sie"),
        ("Gehen Sie zurück in Ihr Land.", "discrimination", "Gehen Sie zurück in Ihr Land"),
        ("Bitte teilen Sie uns Ihre Kreditkartennummer mit.", "card", "teilen Sie uns Ihre Kreditkartennummer"),
    ],
)
def test_each_german_rule_points_at_the_german_words(text, rule, span):
    findings = check_text(text)
    assert (rule, span) in found(text)
    assert is_blocked(findings)


def test_a_german_removal_ask_with_compensation_anywhere_in_the_message():
    assert found("Wir haben den Betrag erstattet. Bitte löschen Sie Ihre Bewertung.") == [
        ("feedback_compensation", "erstattet"),
        ("feedback_compensation", "löschen Sie Ihre Bewertung"),
    ]


def test_a_german_removal_ask_alone_is_only_advice():
    findings = check_text("Jetzt, wo alles geklärt ist: Würden Sie Ihre Bewertung noch einmal überdenken?")
    assert [(f.rule, f.text, f.blocking) for f in findings] == [
        ("feedback_removal", "Bewertung noch einmal überdenken", False)
    ]


def test_the_separable_verb_around_the_review():
    text = "Ziehen Sie Ihre Bewertung bitte zurück, dann bekommen Sie Ihr Geld zurück."
    assert found(text) == [("incentive", text[:-1])]
    assert found("Ziehen Sie Ihre Bewertung bitte zurück. Ihr Geld zurück haben Sie ja schon.") == [
        ("feedback_compensation", "Ziehen Sie Ihre Bewertung bitte zurück"),
        ("feedback_compensation", "Geld zurück"),
    ]


# --- the near misses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sie erhalten eine Rückerstattung, sobald die Rücksendung bei uns eingegangen ist.",
        "Sie erhalten einen Gutschein über 5 €, weil die Lieferung zu spät kam.",
        "Vielen Dank für Ihre Bewertung, wir erstatten Ihnen gern den Kaufpreis.",
        "Vielen Dank für Ihre 5-Sterne-Bewertung!",
        "Wenn Sie mögen, teilen Sie Ihre Erfahrung gern in einer Bewertung.",
        "Falls Sie nicht zufrieden sind, schreiben Sie uns bitte.",
        "Es freut uns sehr, dass Sie uns 5 Sterne gegeben haben.",
        "Das Paket wurde direkt von uns verschickt.",
        "Schreiben Sie uns gern über die Amazon-Nachrichten.",
        "Besuchen Sie unsere Produktseite bei Amazon für die Maße.",
        "Der Rabatt wurde an der Kasse automatisch abgezogen.",
        "Den Aufpreis für die Expresslieferung hat Amazon bereits erstattet.",
        "Ihre Bestellung wurde am 3. Mai mit DHL verschickt.",
        "Vielen Dank für Ihre Bestellung! Zu Ihrer Frage: Der Bezug ist bei 30 °C waschbar.",
        "Die Sendungsnummer steht in der Versandbestätigung von Amazon.",
        "Der Scheibenwischer passt, und die Sohle ist für lange Märsche gemacht.",
        "Sie sind herzlich eingeladen, uns Fragen zu stellen.",
        "Die Fotos lügen nicht: Der Karton war unbeschädigt.",
        "Melden Sie den Schaden bitte bei Amazon.",
        "Kunden wie Sie sind uns sehr wichtig.",
        "Ihre Kreditkarte wird erst beim Versand belastet.",
        "Wir haben die Adresse aus Ihrer Bestellung verwendet.",
    ],
)
def test_german_near_misses_pass(text):
    assert found(text) == []


# --- negation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Für den Umtausch fällt kein Aufpreis an.",
        "Es entstehen Ihnen keine zusätzlichen Kosten.",
        "Wir tauschen ohne Aufpreis um, Sie müssen nur das Etikett drucken.",
        "Wir verlangen niemals zusätzliche Gebühren.",
        "Nie würden wir eine Nachzahlung verlangen.",
        "Sie müssen keine zusätzlichen Gebühren bezahlen.",
        "Das ist keine dumme Frage.",
        "Wir werden keine rechtlichen Schritte einleiten.",
    ],
)
def test_german_negation_before_the_words(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ein Aufpreis fällt nicht an.",
        "Eine Nachzahlung ist nicht erforderlich.",
        "Zusätzliche Versandkosten müssen Sie nicht zahlen.",
    ],
)
def test_german_negation_after_a_charge(text):
    assert found(text) == []


def test_a_negation_reaches_into_its_dass_clause():
    assert found("Wir unterstellen Ihnen nicht, dass Sie lügen.") == []
    assert rules("Wir wissen, dass Sie lügen.") == {"liar"}


def test_kein_problem_and_vergessen_sie_nicht_are_no_negations():
    assert rules("Kein Problem: Für eine Bewertung erhalten Sie einen Gutschein.") == {"incentive"}
    assert rules("Vergessen Sie nicht die 5-Sterne-Bewertung, bitte!") == {"positive_review"}


# --- spellings -----------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["Lügner", "Luegner", "Lugner", "LÜGNER"])
def test_umlauts_their_spellings_and_bare_vowels_read_alike(word):
    assert found(f"Sie {word}!") == [("liar", word)]


@pytest.mark.parametrize(
    "text",
    ["Bitte überweisen Sie zusätzlich 5 Euro.", "Bitte ueberweisen Sie zusaetzlich 5 Euro."],
)
def test_ue_and_ae_spellings_of_a_payment_request(text):
    assert rules(text) == {"extra_payment"}


@pytest.mark.parametrize(("text", "span"), [("Scheiße!", "Scheiße"), ("Scheisse!", "Scheisse")])
def test_eszett_and_ss_read_alike_and_the_span_keeps_the_original(text, span):
    assert found(text) == [("profanity", span)]


# --- the two languages side by side ------------------------------------------------------------


def test_a_german_incentive_inside_an_english_message():
    assert rules("Thanks for your order! Für eine 5-Sterne-Bewertung erhalten Sie einen Gutschein.") == {"incentive"}


@pytest.mark.parametrize(
    "text",
    [
        # "Gift" is German for poison: the English incentive words pair only with English review asks.
        "Der Reiniger ist Gift für Schädlinge, schreiben Sie uns gern eine Bewertung.",
        "Die Lampe ist sehr hell, also ideal für die Werkstatt.",
        "Das Bad sollte gut belüftet sein, die Farbe will sonst nicht trocknen.",
        # German words in English messages
        "The mist sprayer is handy, and the fidget spinner makes a nice gift.",
        "Don't be fickle about the colour; the marsh boots fit.",
    ],
)
def test_words_the_languages_share_do_not_trip_the_other_languages_rules(text):
    assert found(text) == []


# --- contact details with German cues ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        ("Handy 01711234567", "phone", "01711234567"),
        (
            "Rufen Sie an: null eins sieben eins eins zwei drei vier fünf sechs sieben",
            "phone",
            "null eins sieben eins eins zwei drei vier fünf sechs sieben",
        ),
        ("Schreiben Sie an tom ät gmx punkt de.", "email", "tom ät gmx punkt de"),
        ("Wir liefern an Kölner Straße 7.", "address", "Kölner Straße 7"),
        ("Wir liefern an Konrad-Adenauer-Straße 5.", "address", "Konrad-Adenauer-Straße 5"),
    ],
)
def test_german_contact_details(text, rule, span):
    assert found(text) == [(rule, span)]


@pytest.mark.parametrize(
    "text",
    [
        "Ihre Retourennummer lautet 0123 4567 8901.",
        "Sendungsnummer 00340434161234567890, Bestellnummer 302-1234567-1234567.",
        "Kundennummer 0171234567 bitte bei Rückfragen angeben.",
    ],
)
def test_german_named_numbers_are_not_phone_numbers(text):
    assert found(text) == []
