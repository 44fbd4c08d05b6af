# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""Spanish messages, as sellers on amazon.es write to their buyers; the Spanish rules are tuned to these.

The must-pass messages hold the Spanish look-alikes: negated charges ("sin coste adicional", "no
tendrá que pagar nada"), refunds with no feedback in sight, "con" (with), "sale" (leaves), "vale"
(OK) and "negro" (black), números de seguimiento and de pedido, and neutral review requests.
"""

from functools import partial

from .item import BLOCK, ES, PASS, Labelled

_es = partial(Labelled, language=ES)

MESSAGES: list[Labelled] = [
    # --- must be refused ---------------------------------------------------------------
    _es(
        BLOCK,
        "Por cada valoración de 5 estrellas le regalamos un cupón de 10 € para su próxima compra.",
        "incentive: coupon for five stars",
    ),
    _es(
        BLOCK,
        "Déjenos una reseña y le enviaremos un código de descuento del 20 %.",
        "incentive: discount code for a review",
    ),
    _es(
        BLOCK,
        "Le ofrecemos un reembolso parcial a cambio de una valoración en Amazon.",
        "incentive: partial refund in return",
    ),
    _es(BLOCK, "Si escribe su opinión sobre el producto, le mandamos un regalo sorpresa.", "incentive: a gift"),
    _es(
        BLOCK,
        "Ya le hemos devuelto el dinero. ¿Podría borrar su valoración de 1 estrella?",
        "removal ask after money back",
    ),
    _es(BLOCK, "Le hacemos un descuento de 5 € si modifica su comentario negativo.", "removal ask with a discount"),
    _es(BLOCK, "Nos ayudaría muchísimo que nos dejara 5 estrellas.", "positive review asked for"),
    _es(BLOCK, "Si está satisfecho con su compra, por favor deje una valoración.", "review only from satisfied buyers"),
    _es(BLOCK, "Si tiene algún problema, escríbanos antes de dejar una opinión negativa.", "diverting unhappy buyers"),
    _es(BLOCK, "Encontrará más modelos y mejores precios en nuestra página web.", "off-Amazon: our website"),
    _es(
        BLOCK, "Síganos en Facebook para enterarse de nuestras ofertas exclusivas.", "off-Amazon channel and promotion"
    ),
    _es(
        BLOCK,
        "Disfrute de un 15 % de descuento en su próxima compra con el código GRACIAS15.",
        "promotion: discount on the next order",
    ),
    _es(BLOCK, "Para el envío urgente, debe pagar la diferencia de 6 € por Bizum.", "extra payment outside Amazon"),
    _es(BLOCK, "Confirmación de envío: su pedido ha sido enviado hoy con SEUR.", "shipping confirmation header"),
    _es(BLOCK, "¡Buenas noticias! Su pedido ya ha sido enviado.", "shipping notice"),
    _es(BLOCK, "Usted es un mentiroso, la caja llegó intacta según el transportista.", "liar"),
    _es(BLOCK, "Estamos hartos de sus quejas de mierda.", "profanity"),
    _es(BLOCK, "Es usted un incompetente, lea las instrucciones.", "insult"),
    _es(BLOCK, "Si no retira la reclamación, emprenderemos acciones legales contra usted.", "threat"),
    _es(BLOCK, "La gente como usted no debería comprar por internet.", "discrimination"),
    _es(BLOCK, "Envíenos su número de móvil y le llamamos para solucionarlo.", "asks for the buyer's phone number"),
    _es(BLOCK, "Si no retira la queja, vamos a demandarlo.", "threat: the pronoun joined to the verb"),
    _es(BLOCK, "No es usted más que un mentiroso.", "liar: 'no es más que' is no negation"),
    # --- must pass ---------------------------------------------------------------------
    _es(
        PASS, "Hola, le hemos reembolsado 24,95 € hoy. Lo verá en su cuenta en 3-5 días hábiles.", "refund, no feedback"
    ),
    _es(PASS, "Le enviamos un artículo de sustitución sin coste adicional.", "negated extra charge"),
    _es(PASS, "No tendrá que pagar nada por la devolución, la etiqueta está prepagada.", "negated payment"),
    _es(PASS, "Los gastos de envío adicionales corren de nuestra cuenta.", "charge settled after the noun"),
    _es(PASS, "No se le cobrará ningún suplemento por el envío a Baleares.", "negated surcharge"),
    _es(
        PASS,
        "El paquete sale mañana del almacén con el número de seguimiento PQ4B6C0987654321.",
        "'sale' is 'leaves', tracking number",
    ),
    _es(
        PASS,
        "El pedido 405-1234567-7654321 incluye la funda en color negro, tal como pidió.",
        "order id, 'negro' is black",
    ),
    _es(PASS, "Vale, le cambiamos la talla sin problema.", "'vale' is OK"),
    _es(PASS, "El cargador viene con un cable USB-C de 1 metro.", "'con' is 'with'"),
    _es(
        PASS, "¡Gracias por su pedido! Sobre su pregunta: la funda se puede lavar a 30 °C.", "thanks then a real answer"
    ),
    _es(
        PASS,
        "Muchas gracias por su valoración de 5 estrellas, nos alegra que le guste.",
        "thanks for a review already left",
    ),
    _es(PASS, "Si lo desea, puede dejar una valoración en la página del producto.", "neutral review request"),
    _es(PASS, "Puede devolver el artículo gratis durante 30 días desde su cuenta de Amazon.", "free return"),
    _es(PASS, "El reembolso se hará en cuanto recibamos el paquete devuelto.", "refund on return"),
    _es(PASS, "Le ofrecemos un descuento de 5 € por las molestias del retraso.", "compensation without any review"),
    _es(
        PASS,
        "No dude en escribirnos por la mensajería de Amazon si tiene alguna pregunta.",
        "no dude, Amazon messaging",
    ),
    _es(PASS, "El producto se envía sin pilas.", "product answer with 'sin'"),
    _es(PASS, "¿Podría enviarnos una foto de la etiqueta del paquete?", "asks for a photo"),
    _es(PASS, "Nunca le pediremos que pague fuera de Amazon.", "negated payment request"),
    _es(
        PASS,
        "El cable mide 2 metros y el cargador es compatible con cualquier móvil reciente.",
        "'móvil' in a product answer",
    ),
    _es(
        PASS,
        "El descuento que vio se aplicó automáticamente al pagar en Amazon.",
        "a discount already applied, no review",
    ),
    _es(
        PASS,
        "Lo sentimos: el artículo está agotado, así que le hemos devuelto el importe.",
        "money back for an out-of-stock item",
    ),
    _es(PASS, "El modelo mide 40 cm de alto y pesa 1,2 kg.", "product dimensions"),
    _es(PASS, "¿Ha recibido ya el paquete de sustitución? Díganos si todo está bien.", "follow-up question"),
    _es(PASS, "La garantía cubre los defectos de fabricación durante tres años.", "warranty answer"),
    _es(PASS, "Hemos recibido su devolución y el reembolso está en trámite.", "return received, refund under way"),
    _es(PASS, "El repartidor pasará entre las 9:00 y las 14:00.", "delivery time window"),
    _es(PASS, "No hay problema, le reenviamos la pieza que falta esta semana.", "no hay problema"),
    _es(PASS, "Las instrucciones en español están dentro de la caja, debajo de la bandeja.", "where the manual is"),
    _es(
        PASS,
        "Su paquete está retenido en la delegación; hemos abierto una incidencia con la agencia.",
        "status of a problem, not a notice",
    ),
    _es(
        PASS,
        "Sentimos mucho que el producto haya llegado dañado, le mandamos uno nuevo hoy mismo.",
        "replacement, no feedback",
    ),
    _es(PASS, "No es más que un retraso de un día, el paquete llega mañana.", "'no es más que' with nothing to block"),
]
