"""The wording rules in Italian: each rule refuses an Italian message and lets its near miss through, the
finding points at the Italian words, accents and their bare or apostrophe spellings read alike, Italian
negation ("non", "senza", "nessun") works before the words and after a charge, and words Italian shares
with the other languages ("con", "fine", "caro", "mente") trip no other language's rules."""

import pytest

from messaging.compliance.checker import check_text, is_blocked
from tests.compliance.helpers import found, rules

# --- each rule: an Italian message it refuses, and the words it points at -------------------


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        (
            "Per una recensione a 5 stelle le regaliamo un buono sconto.",
            "incentive",
            "Per una recensione a 5 stelle le regaliamo un buono sconto",
        ),
        (
            "In cambio di una recensione le rimborsiamo 10 €.",
            "incentive",
            "In cambio di una recensione le rimborsiamo 10 €",
        ),
        ("Ci lasci un commento e riceva un codice sconto.", "incentive", "lasci un commento e riceva un codice sconto"),
        ("Per favore, ci lasci 5 stelle.", "positive_review", "5 stelle"),
        ("Se è soddisfatto, lasci una recensione.", "positive_review", "Se è soddisfatto, lasci una recensione"),
        ("Non lasci una recensione negativa, ci scriva prima.", "positive_review", "Non lasci una recensione negativa"),
        ("Visiti il nostro sito per altri modelli.", "off_amazon", "il nostro sito"),
        ("Ci segua su Instagram.", "off_amazon", "Ci segua su Instagram"),
        ("Scopra i nostri altri prodotti.", "promotion", "Scopra i nostri altri"),
        ("Fino ad esaurimento scorte!", "promotion", "Fino ad esaurimento scorte"),
        ("Per favore, paghi la differenza di 5 €.", "extra_payment", "paghi la differenza"),
        ("Le verrà addebitato un supplemento di 12 € per la Sardegna.", "extra_payment", "supplemento"),
        ("Il nostro IBAN è il seguente.", "extra_payment", "Il nostro IBAN"),
        ("Buone notizie! Il suo ordine è stato spedito.", "confirmation", "Il suo ordine è stato spedito"),
        ("Conferma di spedizione: il suo pacco è in viaggio.", "confirmation", "Conferma di spedizione"),
        ("Che cazzo.", "profanity", "cazzo"),
        ("Lei è proprio un incompetente.", "insult", "Lei è proprio un incompetente"),
        ("Non sa leggere?", "insult", "Non sa leggere"),
        ("Bugiardo.", "liar", "Bugiardo"),
        ("Lei mente.", "liar", "Lei mente"),
        ("Non è altro che un bugiardo.", "liar", "bugiardo"),
        ("Procederemo per vie legali.", "threat", "vie legali"),
        ("Il nostro avvocato la contatterà.", "threat", "Il nostro avvocato"),
        ("Gente come lei non cambia.", "discrimination", "Gente come lei"),
        ("Torni al suo paese.", "discrimination", "Torni al suo paese"),
        ("Ci comunichi il suo numero di carta.", "card", "Ci comunichi il suo numero di carta"),
        ("Ci invii il numero della sua carta di credito.", "card", "Ci invii il numero della sua carta"),
    ],
)
def test_each_italian_rule_points_at_the_italian_words(text, rule, span):
    assert (rule, span) in found(text)
    assert is_blocked(check_text(text))


def test_an_italian_removal_ask_with_compensation_anywhere_in_the_message():
    assert found("Il rimborso è fatto. Per favore, elimini la sua recensione.") == [
        ("feedback_compensation", "rimborso"),
        ("feedback_compensation", "elimini la sua recensione"),
    ]


def test_an_italian_removal_ask_alone_is_only_advice():
    findings = check_text("Ora che tutto è risolto, potrebbe rivedere la sua recensione?")
    assert [(f.rule, f.text, f.blocking) for f in findings] == [
        ("feedback_removal", "rivedere la sua recensione", False)
    ]


# --- the near misses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Riceverà un rimborso non appena arriva il reso.",
        "Le offriamo un buono sconto di 5 € per il ritardo.",
        "Grazie per la sua recensione a 5 stelle!",
        "Se lo desidera, condivida la sua esperienza in una recensione.",
        "Se non è soddisfatto, ci scriva.",
        "Il pacco è stato spedito direttamente da noi.",
        "Ci scriva tramite la messaggistica di Amazon.",
        "Lo sconto è stato applicato automaticamente al pagamento.",
        "Amazon le ha già rimborsato il supplemento della spedizione express.",
        "Come richiesto, il suo ordine è stato spedito il 3 maggio con BRT.",
        "Grazie per il suo ordine! Sulla sua domanda: la fodera si lava a 30 °C.",
        "Il numero di tracciamento è nella conferma di spedizione di Amazon.",
        "Clienti come lei sono importanti per noi.",
        "La sua carta verrà addebitata solo alla spedizione.",
    ],
)
def test_italian_near_misses_pass(text):
    assert found(text) == []


# --- negation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Non le verrà addebitato alcun costo aggiuntivo.",
        "Cambiamo la taglia senza costi aggiuntivi, basta stampare l'etichetta.",
        "Non dovrà mai pagare nessun supplemento.",
        "Non procederemo per vie legali.",
        "Non è una domanda stupida.",
    ],
)
def test_italian_negation_before_the_words(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Le spese aggiuntive non le verranno addebitate.",
        "Il supplemento è a nostro carico, grazie per la pazienza.",
    ],
)
def test_italian_negation_after_a_charge(text):
    assert found(text) == []


def test_non_esiti_nessun_problema_and_senza_dubbio_are_no_negations():
    assert rules("Non esiti a lasciarci 5 stelle.") == {"positive_review"}
    assert rules("Nessun problema: per una recensione le regaliamo un buono sconto.") == {"incentive"}
    assert rules("Senza dubbio, per una recensione le regaliamo un buono sconto.") == {"incentive"}


# --- spellings -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Lei è un bugiardo.", "Lei e' un bugiardo.", "Lei è un BUGIARDO."])
def test_accents_apostrophes_and_capitals_read_alike(text):
    assert rules(text) == {"liar"}


# --- the languages side by side ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Caro cliente, alla fine del mese arriva il modello con la fodera.",
        "Tenga a mente che il caricatore va collegato per 4 ore.",
        "Il cuscino è in offerta fino alla fine del mese su Amazon.",
    ],
)
def test_words_the_languages_share_do_not_trip_the_other_languages_rules(text):
    assert found(text) == []


# --- contact details with Italian cues ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the number alone is not a phone number: the cue word makes it one
        ("Cellulare 3471234567", "3471234567"),
        (
            "Ci chiami al tre quattro sette uno due tre quattro cinque sei sette",
            "tre quattro sette uno due tre quattro cinque sei sette",
        ),
    ],
)
def test_italian_phone_numbers(text, span):
    assert ("phone", span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Il suo numero d'ordine è 3471234567.",
        "Numero di tracciamento: 0612 3456 7890.",
    ],
)
def test_italian_named_numbers_are_not_phone_numbers(text):
    assert found(text) == []
