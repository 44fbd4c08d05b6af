"""The wording rules in Spanish: each rule refuses a Spanish message and lets its near miss through, the
finding points at the Spanish words, accents and their bare spellings read alike, Spanish negation ("no",
"sin", "ningún") works before the words and after a charge, and words Spanish shares with the other
languages ("con", "sale", "vale", "negro") trip no other language's rules."""

import pytest

from messaging.compliance.checker import check_text, is_blocked
from tests.compliance.helpers import found, rules

# --- each rule: a Spanish message it refuses, and the words it points at -------------------


@pytest.mark.parametrize(
    ("text", "rule", "span"),
    [
        (
            "Por una valoración de 5 estrellas le regalamos un cupón.",
            "incentive",
            "Por una valoración de 5 estrellas le regalamos un cupón",
        ),
        ("A cambio de una reseña le reembolsamos 10 €.", "incentive", "A cambio de una reseña le reembolsamos 10 €"),
        (
            "Déjenos un comentario y reciba un código de descuento.",
            "incentive",
            "Déjenos un comentario y reciba un código de descuento",
        ),
        ("Por favor, déjenos 5 estrellas.", "positive_review", "5 estrellas"),
        ("Si está satisfecho, deje una valoración.", "positive_review", "Si está satisfecho, deje una valoración"),
        ("No deje una valoración negativa, escríbanos antes.", "positive_review", "No deje una valoración negativa"),
        ("Visite nuestra tienda online para más modelos.", "off_amazon", "nuestra tienda online"),
        ("Síganos en Instagram.", "off_amazon", "Síganos en Instagram"),
        ("Descubra nuestros otros productos.", "promotion", "Descubra nuestros otros"),
        ("¡Hasta agotar existencias!", "promotion", "Hasta agotar existencias"),
        ("Por favor, pague la diferencia de 5 €.", "extra_payment", "pague la diferencia"),
        ("Se le cobrará un suplemento de 12 € por el envío a Canarias.", "extra_payment", "suplemento"),
        ("Nuestra cuenta bancaria es la siguiente.", "extra_payment", "Nuestra cuenta bancaria"),
        ("¡Buenas noticias! Su pedido ha sido enviado.", "confirmation", "Su pedido ha sido enviado"),
        ("Confirmación de envío: su paquete está en camino.", "confirmation", "Confirmación de envío"),
        ("Qué mierda.", "profanity", "mierda"),
        ("Es usted un inútil.", "insult", "Es usted un inútil"),
        ("¿No sabe leer?", "insult", "No sabe leer"),
        ("Mentiroso.", "liar", "Mentiroso"),
        ("Usted miente.", "liar", "Usted miente"),
        ("No es usted más que un mentiroso.", "liar", "mentiroso"),
        ("Emprenderemos acciones legales.", "threat", "acciones legales"),
        ("Vamos a denunciarle si sigue así.", "threat", "denunciarle"),
        ("Nuestro abogado se pondrá en contacto con usted.", "threat", "Nuestro abogado"),
        ("La gente como usted no cambia.", "discrimination", "La gente como usted"),
        ("Vuelva a su país.", "discrimination", "Vuelva a su país"),
        ("Envíenos su número de tarjeta.", "card", "Envíenos su número de tarjeta"),
        ("Envíenos el número de su tarjeta.", "card", "Envíenos el número de su tarjeta"),
    ],
)
def test_each_spanish_rule_points_at_the_spanish_words(text, rule, span):
    assert (rule, span) in found(text)
    assert is_blocked(check_text(text))


def test_a_spanish_removal_ask_with_compensation_anywhere_in_the_message():
    assert found("El reembolso está hecho. Por favor, elimine su valoración.") == [
        ("feedback_compensation", "reembolso"),
        ("feedback_compensation", "elimine su valoración"),
    ]


def test_money_given_back_is_compensation_too():
    assert rules("Ya le hemos devuelto el dinero. ¿Podría borrar su valoración?") == {"feedback_compensation"}


def test_a_spanish_removal_ask_alone_is_only_advice():
    findings = check_text("Ahora que todo está resuelto, ¿podría reconsiderar su valoración?")
    assert [(f.rule, f.text, f.blocking) for f in findings] == [
        ("feedback_removal", "reconsiderar su valoración", False)
    ]


# --- the near misses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Recibirá un reembolso en cuanto llegue la devolución.",
        "Le ofrecemos un cupón de 5 € por el retraso.",
        "¡Gracias por su valoración de 5 estrellas!",
        "Si lo desea, comparta su experiencia en una reseña.",
        "Si no está satisfecho, escríbanos.",
        "El paquete fue enviado directamente por nosotros.",
        "Escríbanos por la mensajería de Amazon.",
        "El descuento se aplicó automáticamente al pagar.",
        "Amazon ya le reembolsó el suplemento del envío urgente.",
        "Como nos pidió: su pedido fue enviado el 3 de mayo con Correos.",
        "¡Gracias por su pedido! Sobre su pregunta: la funda se lava a 30 °C.",
        "El número de seguimiento está en la confirmación de envío de Amazon.",
        "Clientes como usted nos importan mucho.",
        "Su tarjeta solo se cargará al enviar el pedido.",
        "Lo sentimos, el artículo está agotado y le hemos devuelto el importe.",
    ],
)
def test_spanish_near_misses_pass(text):
    assert found(text) == []


# --- negation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "No se le cobrará ningún coste adicional.",
        "Cambiamos la talla sin coste adicional, solo imprima la etiqueta.",
        "Nunca tendrá que pagar ningún suplemento.",
        "No emprenderemos acciones legales.",
        "No es una pregunta estúpida.",
    ],
)
def test_spanish_negation_before_the_words(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Los gastos adicionales no se le cobrarán.",
        "El suplemento corre de nuestra cuenta, gracias por su paciencia.",
    ],
)
def test_spanish_negation_after_a_charge(text):
    assert found(text) == []


def test_no_dude_no_hay_problema_and_sin_duda_are_no_negations():
    assert rules("No dude en dejarnos 5 estrellas.") == {"positive_review"}
    assert rules("No hay problema: por una reseña le regalamos un cupón.") == {"incentive"}
    assert rules("Sin duda, por una reseña le regalamos un cupón.") == {"incentive"}


def test_a_negation_in_the_clause_before_does_not_excuse_a_threat():
    assert rules("Si no paga, le demandaremos.") == {"threat"}
    assert rules("No más excusas: emprenderemos acciones legales.") == {"threat"}


# --- spellings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Disfrute de un 10 % de descuento en su próxima compra.",
        "Disfrute de un 10 % de descuento en su proxima compra.",
        "DISFRUTE DE UN 10 % DE DESCUENTO EN SU PRÓXIMA COMPRA.",
    ],
)
def test_accents_and_their_bare_spellings_read_alike(text):
    assert rules(text) == {"promotion"}


# --- the languages side by side ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "El modelo negro sale mañana, con funda incluida. Vale.",
        "El pedido 405-1234567-7654321 incluye la funda en color negro.",
        "Le enviamos el cargador con un cable de repuesto, sin coste.",
    ],
)
def test_words_the_languages_share_do_not_trip_the_other_languages_rules(text):
    assert found(text) == []


# --- contact details with Spanish cues ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the number alone is not a phone number: the cue word makes it one
        ("Móvil 612 345 678", "612 345 678"),
        (
            "Llámenos al seis uno dos tres cuatro cinco seis siete ocho",
            "seis uno dos tres cuatro cinco seis siete ocho",
        ),
    ],
)
def test_spanish_phone_numbers(text, span):
    assert ("phone", span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Su número de pedido es 6123456789.",
        "Número de seguimiento: 0612 3456 7890.",
    ],
)
def test_spanish_named_numbers_are_not_phone_numbers(text):
    assert found(text) == []
