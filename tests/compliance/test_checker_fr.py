"""The wording rules in French: each rule refuses a French message and lets its near miss through, the
finding points at the French words, accents and their bare spellings read alike, French negation
("ne … pas", "sans", "aucun") works before the words and after a charge, and words French shares with
English, Spanish and Italian ("retard", "con", "sale") trip no other language's rules."""

import pytest

from messaging.compliance.checker import check_text, is_blocked
from tests.compliance.helpers import found, rules

# --- each rule: a French message it refuses, and the words it points at -------------------


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        (
            "Pour un avis 5 étoiles, nous vous offrons un bon d'achat.",
            "incentive",
            "Pour un avis 5 étoiles, nous vous offrons un bon d'achat",
        ),
        (
            "En échange d'un avis, nous vous remboursons 10 €.",
            "incentive",
            "En échange d'un avis, nous vous remboursons 10 €",
        ),
        (
            "Laissez-nous un commentaire et recevez un code promo.",
            "incentive",
            "Laissez-nous un commentaire et recevez un code promo",
        ),
        ("Merci de nous laisser une note de 5 étoiles.", "positive_review", "5 étoiles"),
        ("Si vous êtes satisfait, laissez un avis.", "positive_review", "Si vous êtes satisfait, laissez un avis"),
        ("Ne laissez pas d'avis négatif, écrivez-nous plutôt.", "positive_review", "Ne laissez pas d'avis négatif"),
        ("Visitez notre site pour plus de modèles.", "off_amazon", "notre site"),
        ("Suivez-nous sur Instagram.", "off_amazon", "Suivez-nous sur Instagram"),
        ("Découvrez nos autres produits.", "promotion", "Découvrez nos autres"),
        ("Dans la limite des stocks disponibles !", "promotion", "Dans la limite des stocks disponibles"),
        ("Merci de nous régler un supplément de 5 €.", "extra_payment", "régler un supplément"),
        ("Un supplément de 12 € vous sera facturé pour la Corse.", "extra_payment", "supplément"),
        ("Notre RIB est joint à ce message.", "extra_payment", "Notre RIB"),
        ("Bonne nouvelle : votre commande a été expédiée.", "confirmation", "votre commande a été expédiée"),
        ("Confirmation d'expédition : votre colis est en route.", "confirmation", "Confirmation d'expédition"),
        ("Quel bordel.", "profanity", "bordel"),
        ("Espèce de con.", "profanity", "Espèce de con"),
        ("Vous êtes vraiment incapable.", "insult", "Vous êtes vraiment incapable"),
        ("Vous ne savez pas lire ?", "insult", "Vous ne savez pas lire"),
        ("Sale menteur !", "liar", "menteur"),
        ("Vous mentez.", "liar", "Vous mentez"),
        ("Nous porterons plainte contre vous.", "threat", "porterons plainte"),
        ("Notre avocat vous contactera.", "threat", "Notre avocat"),
        ("Les gens comme vous, on les connaît.", "discrimination", "Les gens comme vous"),
        ("Retournez dans votre pays.", "discrimination", "Retournez dans votre pays"),
        ("Envoyez-nous votre numéro de carte bancaire.", "card", "Envoyez-nous votre numéro de carte"),
        ("Envoyez-nous le numéro de votre carte.", "card", "Envoyez-nous le numéro de votre carte"),
    ],
)
def test_each_french_rule_points_at_the_french_words(text, rule, span):
    assert (rule, span) in found(text)
    assert is_blocked(check_text(text))


def test_a_french_removal_ask_with_compensation_anywhere_in_the_message():
    assert found("Le remboursement est fait. Merci de supprimer votre avis.") == [
        ("feedback_compensation", "remboursement"),
        ("feedback_compensation", "supprimer votre avis"),
    ]


def test_a_french_removal_ask_alone_is_only_advice():
    findings = check_text("Maintenant que tout est réglé, pourriez-vous revoir votre évaluation ?")
    assert [(f.rule, f.text, f.blocking) for f in findings] == [("feedback_removal", "revoir votre évaluation", False)]


# --- the near misses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vous recevrez un remboursement dès réception du retour.",
        "Nous vous offrons un bon d'achat de 5 € pour le retard.",
        "Merci pour votre avis 5 étoiles !",
        "Si vous le souhaitez, partagez votre expérience dans un avis.",
        "Si vous n'êtes pas satisfait, écrivez-nous.",
        "Le colis a été expédié directement par nous.",
        "Écrivez-nous via la messagerie Amazon.",
        "La réduction a été appliquée automatiquement au paiement.",
        "Amazon a déjà remboursé le supplément pour la livraison express.",
        "Comme vous l'avez demandé : votre commande a été expédiée le 3 mai avec Colissimo.",
        "Merci pour votre commande ! Pour votre question : la housse se lave à 30 °C.",
        "Le numéro de suivi figure dans la confirmation d'expédition d'Amazon.",
        "Nous avons pris bonne note de votre demande, merci.",
        "Des clients comme vous nous sont précieux.",
        "Votre carte bancaire ne sera débitée qu'à l'expédition.",
    ],
)
def test_french_near_misses_pass(text):
    assert found(text) == []


# --- negation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Aucun frais supplémentaire ne vous sera demandé.",
        "Nous échangeons sans supplément, merci d'imprimer l'étiquette.",
        "Vous n'aurez jamais à payer de supplément.",
        "Nous n'engagerons aucune poursuite judiciaire.",
        "Ce n'est pas une question idiote.",
    ],
)
def test_french_negation_before_the_words(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Les frais supplémentaires ne vous seront pas facturés.",
        "Le supplément est à notre charge, merci de votre patience.",
        "Les frais de port supplémentaires sont offerts, merci de votre patience.",
    ],
)
def test_french_negation_after_a_charge(text):
    assert found(text) == []


def test_n_hesitez_pas_n_oubliez_pas_and_pas_de_probleme_are_no_negations():
    assert rules("N'hésitez pas : pour un avis, nous vous offrons un bon d'achat.") == {"incentive"}
    assert rules("N'oubliez pas de nous laisser 5 étoiles !") == {"positive_review"}
    assert rules("Pas de problème : pour un avis, nous vous offrons un bon d'achat.") == {"incentive"}


def test_a_french_conditional_threat_is_still_a_threat():
    assert rules("S'il ne paie pas, nous porterons plainte.") == {"threat"}


# --- spellings -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Vous êtes un menteur.", "Vous etes un menteur.", "Vous êtes un MENTEUR."])
def test_accents_and_their_bare_spellings_read_alike(text):
    assert rules(text) == {"liar"}


@pytest.mark.parametrize(
    "text",
    [
        "Profitez d'une réduction de 10 % sur votre prochaine commande.",
        "Profitez d'une reduction de 10 % sur votre prochaine commande.",
    ],
)
def test_an_unaccented_promotion(text):
    assert rules(text) == {"promotion"}


# --- the languages side by side ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "retard" is a delay, not the English insult
        "Désolés pour ce retard.",
        "Le transporteur annonce un retard de deux jours.",
        # "con" and "sale" alone are Spanish and Italian: "with", "leaves"
        "El cargador viene con un cable, y el paquete sale mañana.",
        "La lampada arriva con la base e la sale da pranzo è illuminata.",
    ],
)
def test_words_the_languages_share_do_not_trip_the_other_languages_rules(text):
    assert found(text) == []


def test_a_french_incentive_inside_an_english_message():
    assert rules("Thanks for your order! Pour un avis 5 étoiles, nous vous offrons un bon d'achat.") == {"incentive"}


# --- contact details with French cues ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the number alone is not a phone number: the cue word makes it one
        ("Portable : 612 345 678", "612 345 678"),
        (
            "Appelez le zéro six un deux trois quatre cinq six sept huit",
            "zéro six un deux trois quatre cinq six sept huit",
        ),
    ],
)
def test_french_phone_numbers(text, span):
    assert ("phone", span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Votre numéro de commande est 0612345678.",
        "Numéro de suivi : 0612 3456 7890.",
        "Envoyez-nous votre numéro de commande, s'il vous plaît.",
    ],
)
def test_french_named_numbers_are_not_phone_numbers(text):
    assert found(text) == []
