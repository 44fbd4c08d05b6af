"""The wording rules in Spanish (sellers on amazon.es, and Spanish messages to any marketplace).

The patterns are written with their accents and compiled by `words`, so "valoración" also matches the
folded and the unaccented spelling. Spanish negates before the verb ("no tendrá que pagar nada") and
after a charge ("los gastos de envío no se cobran", "corren de nuestra cuenta"), so the gaps between
words skip no negation (`_GAP`) and a charge is also settled by what follows it. "Con" is "with",
"sale" is "leaves", "vale" is "OK" and "negro" a colour: none of them is a word these rules look for.
"""

from messaging.vocabulary.es import (
    CHANGE,
    COMPENSATION,
    GIFTS,
    MONEY,
    PERKS,
    PROFANE,
    PROFANE_DISGUISED,
    REVIEW,
    VALUE,
)

from .wording import leet, wording_from, words

# One word and the space after it, that is not a negation ("no tendrá que pagar nada").
_GAP = r"(?:(?!(?:no|sin|ningun\w*|nunca|jamás|nada|ni)\b)[\w'-]+\s+)"
_BAD = r"(?:negativ\w*|mala|malas|desfavorable\w*|crítica\w*|neutral\w*|[1-3] estrellas?)"

# --- reviews and feedback ----------------------------------------------------------

_INCENTIVE = words(*VALUE)
_PERK = words(*PERKS)
_GIFT = words(*GIFTS)
_COMPENSATION = words(*COMPENSATION)
# "El reembolso está hecho", "le hemos devuelto el importe"
_MADE = words(
    r"(?:ha sido|han sido|fue|fueron|está|están|quedó)\s+(?:\w+\s+)?(?:hech[oa]s?|realizad[oa]s?|efectuad[oa]s?"
    r"|reembolsad[oa]s?|enviad[oa]s?|procesad[oa]s?|abonad[oa]s?|completad[oa]s?|tramitad[oa]s?)",
    r"(?:hemos|he)\s+(?:\w+\s+){0,3}?(?:reembolsado|devuelto|enviado|abonado|realizado|sustituido)",
)
_DELETION = words(r"elimin\w*|borr\w*|retir\w*|quit\w*")
_REMOVAL_ASK = words(
    # "eliminar su valoración negativa", "modifique la opinión"
    rf"{CHANGE}\s+{_GAP}{{0,2}}?(?:su|sus|tu|tus|la|el|las|los|esa|esta|este|ese)\s+{_GAP}{{0,1}}?{REVIEW}",
    rf"{REVIEW}\s+{_GAP}{{0,4}}?{CHANGE}",
)
_WRITE = (
    r"(?:dej\w*|escrib\w*|publi\w*|dar|darnos|danos|denos|den|compart\w*|pong\w*|poner\w*|otorg\w*|regal(?:e|en|arnos"
    r"|enos)|envi\w*)"
)
_REVIEW_ASK = words(
    rf"{_WRITE}\s+{_GAP}{{0,4}}?{REVIEW}",
    r"val(?:ó|o)r\w*nos|valorar(?:nos)?|valore|califíquenos|calificarnos|puntúe\w*|puntuarnos|evalúe\w*|evaluarnos",
    rf"(?:a cambio de|por|tras|después de|contra)\s+(?:una|un|cada|su|tu|dejar(?:nos)?|escribir|publicar)\s+"
    rf"{_GAP}{{0,2}}?{REVIEW}",
    rf"(?:en cuanto|una vez que|cuando|si)\s+{_GAP}{{0,5}}?{REVIEW}",
    rf"{REVIEW}\s+(?:positiv\w*|favorable\w*|excelente\w*|honest\w*|sincer\w*|de 5 estrellas)",
    _REMOVAL_ASK.pattern,
)
_POSITIVE = words(
    rf"{REVIEW}\s+(?:muy\s+)?(?:positiv\w*|favorable\w*|excelente\w*|perfect\w*|de (?:5|cinco) estrellas)",
    r"(?:buena|buenas|excelente|mejor|gran|muy buena)\s+(?:valoraci(?:ón|ones)|reseñas?|opini(?:ón|ones)"
    r"|puntuaci(?:ón|ones)|calificaci(?:ón|ones))",
    r"(?:5|cinco)\s?estrellas",
    r"5/5|5 de 5|(?:la )?máxima (?:puntuación|nota|valoración|calificación)|nota máxima",
)
# A top rating described rather than asked for: a test, a lab, a hotel, the energy label, the buyer's own.
_DESCRIBED = words(
    r"prueba\w*|test\w*|laboratorio\w*|hotel\w*|energétic\w*|seguridad|revista\w*|certific\w*|premiad\w*",
    r"(?:nos )?(?:ha|había) (?:dado|dejado|puesto)|gracias por su",
)
_ASK = words(
    r"por favor|le agradecer\w*|te agradecer\w*|agradecer\w*|nos encantaría|le pedimos|le rogamos|podría|podrías"
    r"|puede|puedes|pudiera|quisiera|no olvide|no olvides|no dude|no dudes|esperamos|espero|contamos con|nos ayudaría"
    r"|nos ayudaría|le invitamos|te invitamos|deje|déjenos|déjanos|danos|denos|sería|ser(?:í|i)a genial",
)
_THANKS_FOR = words(r"^\W*(?:[\w,]+\s+){0,3}?(?:muchas\s+)?gracias\s+(?:por|por haber)\b(?!.*\bde antemano\b)")
_SELECTIVE = words(
    rf"si\s+(?:usted\s+)?(?:está|estás|queda|quedó|ha quedado|se siente|quedara)\s+{_GAP}{{0,2}}?(?:satisfech|content"
    r"|encantad|feliz)\w*",
    rf"si\s+{_GAP}{{0,3}}?(?:le|te)\s+(?:gusta|gustó|ha gustado|gustara|convence|ha convencido)",
    r"(?:clientes?|compradores?) (?:satisfech|content|encantad)\w*",
)
_DIVERT = words(
    rf"antes de\s+{_GAP}{{0,4}}?{REVIEW}",
    r"antes de valorar(?:nos)?|antes de calificar(?:nos)?",
    rf"en (?:lugar|vez) de\s+{_GAP}{{0,3}}?{REVIEW}",
    rf"no\s+(?:nos\s+)?(?:deje|ponga|escriba|publique|dejes|pongas|escribas)\s+(?:una\s+|un\s+|ninguna\s+)?"
    rf"(?:{REVIEW}\s+)?{_BAD}",
    rf"evite\s+(?:\w+\s+)?{_GAP}{{0,2}}?{REVIEW}\s+{_BAD}",
)

# --- off Amazon, promotion, payment --------------------------------------------------

_OFF_AMAZON = words(
    r"(?:nuestra|nuestro|nuestras|nuestros|mi)\s+(?:propia\s+|propio\s+)?"
    r"(?:tienda (?:online|en línea|web|física|oficial)|página web|sitio web|web(?: oficial)?|redes sociales"
    r"|perfil de \w+|e-?shop)(?! (?:de |en )?amazon)",
    r"fuera de amazon|sin pasar por amazon",
    rf"(?:compr|pid|ped|encargu|adquier)\w*\s+{_GAP}{{0,3}}?directamente\s+(?:a|con|de)\s+(?:nosotros|mí)",
    r"(?:síganos|síguenos|contáctenos|contáctanos|escríbanos|escríbenos|búsquenos|búscanos)\s+(?:también\s+"
    r"|directamente\s+)?(?:en|por|a través de|vía)\s+(?!amazon|este|esta|la mensajería|el chat)[a-z]\w*",
    r"(?:envíenos|envíanos|mándenos|mándanos|facilítenos|facilítanos|denos|danos|pásenos|pásanos|déjenos|déjanos)\s+"
    r"(?:su|tu)\s+(?:número(?: de (?:teléfono|móvil|whatsapp)|(?! de (?:tarjeta|cuenta|pedido|seguimiento)))"
    r"|teléfono|móvil|correo(?: electrónico)?|e-?mail|whatsapp"
    r"|datos de contacto)",
    r"(?:le|te)\s+llamaremos|(?:le|te)\s+llamamos|llámenos|llámanos",
)
_PROMOTION = words(
    r"(?:descubra|descubre|visite|visita|consulte|consulta|mire|mira|explore|eche un vistazo a|echa un vistazo a)\s+"
    r"(?:también\s+)?(?:todos\s+|todas\s+)?(?:nuestros|nuestras|nuestra|nuestro)\s+(?:[\w-]+\s+){0,2}?(?:otros|otras"
    r"|nuev\w*|colecci\w*|catálogo|productos|artículos|tienda|ofertas|novedades|gama|promociones)",
    r"ofertas? (?:especial|exclusiva|limitada)(?:es|s)?|promoci(?:ón|ones) exclusivas?",
    r"por tiempo limitado|hasta agotar (?:existencias|stock)",
    rf"(?:\d+\s?%|descuento|cupón|código \w+|envío gratis)\s+{_GAP}{{0,3}}?(?:en|para)\s+(?:su|tu|sus|tus|la|el)\s+"
    r"(?:próxim\w*|futur\w*|siguiente\w*)\s+(?:compras?|pedidos?)",
    r"suscríbase|suscríbete",
    r"novedades|nueva colección",
)
_PAY = r"(?:pagar|pague|paguen|abonar|abone|transferir|transfiera|ingresar|ingrese|ingresarnos|pagarnos|abonarnos)"
_EXTRA_PAYMENT = words(
    rf"{_PAY}\s+{_GAP}{{0,3}}?(?:la diferencia|el resto|un suplemento|el suplemento|el importe|la cantidad|los gastos"
    r"|un recargo|\d|€)",
    r"(?:nuestra|mi)\s+(?:cuenta bancaria|cuenta corriente)|(?:nuestro|mi)\s+iban|(?:nuestros|mis)\s+datos bancarios",
    r"(?:mediante|por|con)\s+(?:transferencia|bizum)|bizum",
    r"(?:pago|cargo) (?:adicional|suplementario|extra) (?:de|por)\s+\d",
)
_EXTRA_CHARGE = words(
    r"(?:gastos|costes?|cargos?|importes?|tarifas?)\s+(?:de\s+\w+\s+)?(?:adicional(?:es)?|extras?|suplementari\w*)",
    r"suplementos?|recargos?|gastos de aduana|aranceles|diferencia de precio",
    r"transferencia",
    rf"{MONEY}\s+(?:adicionales|extra|más)",
)
_PAYER = words(
    r"debe|deberá|debería|tendrá que|tiene que|tendría que|le rogamos|le pedimos|por favor|a su cargo|a cargo del"
    r" comprador|corre(?:n)? de su cuenta|a pagar|a abonar|se cobra\w*|se le cobrará|cobramos|cobraremos|se aplica\w*"
    r"|pague|abone|se añade\w*",
)
_SETTLED = words(
    r"no",
    r"gratis|gratuit\w*|(?:corre|corren|van|iría|irán) (?:de|por|a) (?:nuestra cuenta|cuenta nuestra)"
    r"|a nuestro cargo|incluid\w*|reembolsad\w*",
)
_CARD_DATA = (
    r"(?:número de (?:tarjeta|cuenta)|tarjeta de crédito|tarjeta bancaria|código (?:cvv|cvc|de seguridad|pin)|cvv|cvc"
    r"|pin|contraseña|datos bancarios|iban)"
)
_CARD_REQUEST = words(
    r"(?:envíenos|envíanos|mándenos|facilítenos|indíquenos|confírmenos|denos|danos|díganos|pásenos)\s+(?:su|tu|sus"
    rf"|tus)\s+(?:\w+\s+)?{_CARD_DATA}",
    r"(?:envíenos|envíanos|mándenos|facilítenos|indíquenos|confírmenos|denos|danos|díganos|pásenos)\s+(?:el número"
    r"|los datos|el código|el pin)\s+de\s+(?:su|tu)\s+(?:tarjeta|cuenta)",
)

# --- order and shipping confirmations ------------------------------------------------

_SHIPMENT = r"(?:pedido|paquete|envío|artículo|compra)"
_SENT = r"(?:enviad[oa]|expedid[oa]|confirmad[oa]|despachad[oa]|entregad[oa] al transportista|en camino|preparad[oa])"
_STATUS = words(
    rf"(?:su|tu)\s+{_SHIPMENT}(?:\s+[\w-]+){{0,2}}?\s+(?:ya\s+)?"
    r"(?:ha sido|fue|está|se ha|ha salido|acaba de ser)\s+"
    rf"(?:(?:ya|hoy|correctamente)\s+)*{_SENT}",
    rf"hemos (?:recibido|enviado|expedido) (?:correctamente )?(?:su|tu) {_SHIPMENT}",
    rf"(?:su|tu)\s+{_SHIPMENT}\s+ha salido de nuestro almacén",
)
# "Le confirmamos que hemos recibido su pedido"
_NOTICE = words(
    r"(?:le|te) confirmamos (?:que (?:hemos recibido|su pedido|tu pedido|el pedido)|la recepción|el envío|su pedido"
    r"|tu pedido)",
    r"(?:su|tu) (?:pedido|compra) (?:ha sido|está|queda) confirmad[oa]",
    r"(?:este|el presente) (?:mensaje|correo) (?:le )?confirma",
)
# What shows the message answers the buyer, so news of the order, even confirmed, is no notification.
_ANSWER = words(
    r"(?:su|tu) (?:pregunta|consulta|mensaje|solicitud)|como (?:nos )?(?:pidió|solicitó|pediste|solicitaste)"
    r"|respondiendo|en respuesta|hemos comprobado|hemos revisado",
)
# What shows the message sorts out a problem, so news of the order is no notification.
_TROUBLE = words(
    r"disculp\w*|lo sentimos|sentimos|lamentablemente|retraso\w*|perdid\w*|falta\w*|dañad\w*|rot[oa]s?|error"
    r"|sustituci\w*|reemplaz\w*|reenvi\w*|de nuevo|reembols\w*|devoluci\w*|cancel\w*|cambio",
)
# A header line ("Confirmación de envío: ...", "Asunto: Confirmación del pedido").
_CONFIRMATION_HEADER = words(
    r"(?:confirmaci(?:ó|o)n|aviso|notificaci(?:ó|o)n) (?:de |del )(?:pedido|envío|compra|entrega)(?=\s*(?:[:\n-]|$))",
)

# --- profanity, insults, liar, threats, discrimination --------------------------------

_PROFANITY = words(*PROFANE, *map(leet, PROFANE_DISGUISED))
_INSULT = words(
    r"idiotas?|imbéciles?|imbécil|estúpid\w*|subnormal\w*|tont(?:o|a|os|as)|payas(?:o|a|os)|cretin\w*|retrasad[oa]s?",
    rf"(?:usted es|es usted|eres)\s+{_GAP}{{0,2}}?(?:un |una )?(?:inútil|incompetente|ignorante|ridícul\w*|incapaz"
    r"|maleducad\w*|pesad\w*|descarad\w*|caradura)",
    r"no sabe leer|sabe (?:usted )?leer|está usted ciego",
    r"cállese|cállate|lárguese|lárgate",
)
_LIAR = words(
    r"mentiros\w*",
    r"(?:usted|tú)\s+(?:nos\s+)?mient\w*|nos (?:ha|has) mentido|está mintiendo|miente usted",
    r"(?:es|era|eso es)\s+(?:una |pura |un )?(?:mentira|falso|invent\w*|estafa|fraude|cuento)",
    r"mentiras?|estafador\w*|ladr(?:ón|ona|ones|onas)|timador\w*",
    rf"(?:intenta|quiere|busca|pretende)\s+(?:usted\s+)?{_GAP}{{0,1}}?(?:estafarnos|engañarnos|timarnos|robarnos)",
    r"no le creemos|deshonest\w*",
)
_THREAT = words(
    r"acciones legales|medidas legales|acci(?:ón|ones) judicial\w*|vía judicial|(?:nuestro|mi)s? abogad\w*",
    r"(?:le|te)\s+(?:vamos a\s+)?(?:denunciar|demandar)\w*|(?:denunciar|demandar)(?:le|la|lo|te)|denuncia contra"
    r" (?:usted|ti)|los tribunales",
    r"se arrepentirá|te arrepentirás|lo lamentará",
    r"(?:le|te)\s+(?:vamos a\s+)?reportar\w*|reportarle|(?:hacer|haremos|vamos a hacer) (?:bloquear|cerrar) su"
    r" cuenta",
    r"agencias? de (?:cobro|cobros|recobro|recobros)|empresas? de (?:cobro|cobros|recobro|recobros)|recobro|morosos",
    rf"(?:su|tu) cuenta (?:de amazon |de cliente )?(?:será|sería|va a ser|podría ser|puede ser)\s+{_GAP}{{0,1}}?"
    r"(?:suspendida|bloqueada|cerrada|eliminada|cancelada|desactivada)",
    rf"(?:publicar|publicaremos|publicamos|difundir|difundiremos)\s+{_GAP}{{0,2}}?"
    r"(?:su|tu) (?:nombre|dirección|identidad|foto)",
    r"lista negra|(?:avisar|avisaremos|informar|informaremos) a (?:los )?otros vendedores",
    r"consecuencias para (?:usted|ti)",
)
_DISCRIMINATION = words(
    r"sudacas?|negratas?|maric(?:ón|ones|onazo)|panchitos?|moros? de mierda",
    r"(?:la )?gente como (?:usted|tú)|los de su (?:país|raza|calaña)",
    r"vuelva a su país|vuélvase a su país|vuelve a tu país",
    r"porque (?:usted )?es (?:una mujer|extranjer\w*|negr\w*|mor[oa]|musulman\w*|judí\w*|viej\w*|gay)",
)

# --- disparaging others, false claims --------------------------------------------------

_SELLERS = (
    r"(?:los |las )?(?:demás|otros|otras) (?:vendedores|tiendas|marcas|comerciantes)|(?:la |nuestra )?competencia"
    r"|(?:nuestros )?competidores"
)
_RIVALS = rf"(?:{_SELLERS})|amazon\w*"
_RUN_DOWN = (
    r"falsificaci\w*|imitaci\w*|copias|basura|porquería\w*|chatarra|estafa\w*|estafador\w*|ladron\w*|timo\w*|inútil\w*"
    r"|incompetente\w*|incapaces|un desastre|desastros\w*|una broma|reseñas (?:compradas|falsas|pagadas)|les da igual"
    r"|no les importa|mentiros\w*"
)
# Products run down before the sellers they are pinned on.
_FAKES = r"falsificaci\w*|imitaci\w*|copias|basura|porquería\w*|chatarra"
_DISPARAGEMENT = words(
    rf"(?:{_RIVALS})[^.!?\n]{{0,60}}?(?<!\w)(?:{_RUN_DOWN})",
    rf"(?:{_FAKES})[^.!?\n]{{0,30}}?(?<!\w)(?:{_SELLERS})",
)
_REVIEWISH = rf"(?:{REVIEW}|valorar|calificar|puntuar|reseñar)"
_OBLIGED = words(
    r"(?:(?:le|les|te) obliga|(?:usted )?(?:debe|deberá|está obligad[oa]|tiene que|tendrá que)|(?:los )?compradores"
    r" (?:deben|están obligados|tienen que)|exige que|requiere que|obligatori\w*)"
    rf"(?!\w)[^.!?\n]{{0,60}}?(?<!\w){_REVIEWISH}",
)

WORDING = wording_from(globals(), review=words(REVIEW))
