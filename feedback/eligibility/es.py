"""The eligibility rules for Spanish comments (amazon.es)."""

import re

from messaging.vocabulary import en, es

from .rules import any_of, obscenity, rules_from

# --- a full name -------------------------------------------------------------

_UPPER, _LOWER = "A-ZÁÉÍÓÚÑÜ", "a-záéíóúñü"
_PART = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_NAME = rf"({_PART}\s+{_PART})"
_NAME_AFTER_CUE = re.compile(
    r"(?i:\b(?:me llamo|mi nombre es|firmado|hablé con|atendid[oa] por|señora|señorita|señor|sra|srta|sr|don|doña"
    r"|encargad[oa]|gerente)\b\.?,?:?\s+)" + _NAME
)

# --- obscenity -------------------------------------------------------------

# Spanish obscene words, and English ones: buyers swear in English whatever their language.
_OBSCENITY = obscenity(*es.OBSCENE, *en.OBSCENE)

# --- what the comment is about --------------------------------------------

_ITEM = r"(?:artículo|articulo|producto|talla|color|modelo|tamaño|número|libro|pieza|versión|referencia|pedido)e?s?"
_SELLER_FAULT = any_of(
    rf"{_ITEM} (?:\w+ )?(?:equivocad|incorrect|erróne|distint)\w*",
    r"no (?:coincide|corresponde)\w*",
    r"no es (?:como|lo que|el que|la que|igual)",
    r"(?:distint|diferent)\w* (?:a|al|de|del) (?:la |lo )?(?:foto|imagen|descripción|descripcion|anuncio|anunciado)",
    r"(?:en|según|segun) (?:la|el) (?:descripción|descripcion|anuncio|foto|imagen|ficha)",
    r"otro (?:modelo|producto|artículo|color|tamaño)",
    r"falsificad\w*",
    r"imitación",
    r"fake\b",
    r"no (?:es )?(?:original|auténtic)\w*",
    r"(?:estaba|era|ya|claramente|había sido) (?:usad|abiert|utilizad)[oa]s?",
    r"de segunda mano",
    r"reacondicionad\w*",
    r"caducad\w*",
    r"fecha de caducidad",
    r"falta(?:n|ba|ban)?\b",
    r"incomplet\w*",
    r"no (?:venía|viene|incluye|incluía)\b",
    r"factura",
    r"cancel\w*",
    r"(?:por|a cambio de) (?:\d|cinco) estrellas",
)
_SELLER_CONTACT = any_of(
    # the seller refusing or blaming: their own service, whatever the product did
    r"(?:vendedor|vendedora|tienda|empresa)\w*\b[^.!?]{0,40}\b(?:se niega|niega|rechaz|culpa|negó)\w*",
    r"no quiere(?:n)? (?:hacerse cargo|saber nada)|se desentiende\w*",
    r"(?:vendedor|vendedora|tienda|empresa)\w*\b[^.!?]{0,40}\b(?:respond|contest|ignor|maleducad|groser)\w*",
    r"(?:ninguna|sin|ni una|no hay) (?:respuesta|contestación|solución)",
    r"no (?:\w+ )?(?:responde|contesta|respondió|contestó|responden|contestan|dan respuesta)\w*",
    r"ignor(?:a|an|ó|aron|ado|ada)\b",
    r"maleducad\w*",
    r"groser\w*",
)
_DELIVERY = any_of(
    r"(?:lleg(?:ó|o)|vino) (?:ya )?(?:abiert|rot)[oa] (?:la caja|el paquete)?",
    r"(?:caja|paquete|sobre) vací[oa]|nada dentro",
    r"env[ií]os?\b",
    r"entreg\w*",
    r"(?:lleg(?:ó|o|aron|a|an)|vino) (?:\w+ ){0,4}tarde",
    r"tarde\b",
    r"retras\w*",
    r"demora\w*",
    r"tard(?:ó|o|aron|a|an)\b",
    r"(?:nunca|no) (?:me )?(?:ha )?(?:lleg|recib)\w*",
    r"paquet\w*",
    r"caja\b",
    r"embala\w*",
    r"dañad\w*",
    r"aplastad\w*",
    r"mojad\w*",
    r"seguimiento",
    r"perdi(?:do|da|ó|eron)\b",
    r"extraviad\w*",
    r"repartidor\w*",
    r"mensajer\w*",
    r"transport\w*",
    r"correos",
    r"seur",
    r"mrw",
    r"nacex",
    r"ups\b",
    r"dhl",
    r"gls",
    r"buzón",
    r"vecin\w*",
    r"portería",
    r"prime\b",
)
_AMAZON_SERVICE = any_of(
    r"atención al cliente",
    r"servicio (?:al|de atención al) cliente",
    r"soporte",
    r"reembols\w*",
    r"devoluci\w*",
    r"devolv\w*",
    r"dinero\b[^.!?]{0,25}\bdevuel\w*",
)
# Price words in another sense: read past them before looking for a pricing complaint.
_PRICE_IDIOM = any_of(
    r"a toda costa",
    r"a cualquier precio",
    r"cueste lo que cueste",
    r"(?:me|nos) (?:costó|ha costado) (?:horas|días|una tarde|una noche|un día|tiempo|mucho tiempo|\d+ horas)",
)
_PRICE = any_of(
    r"precio\w*",
    # "La cara" is a face.
    r"(?:(?:demasiado|muy|bastante|más|tan) )?(?<!la )(?<!su )(?<!mi )car[oa]s?\b",
    r"carísim\w*",
    r"cuesta\w*",
    r"costó",
    r"más barat\w*",
    r"no (?:lo )?vale\b",
    r"\d+(?:[.,]\d+)?\s?(?:€|euros?\b|eur\b)",
    r"€\s?\d",
)
_PRODUCT = any_of(
    r"cojea\w*",
    r"montaje|montarlo|montar\b",
    r"calidad",
    r"acabado\w*",
    r"romp\w*",
    r"rot[oa]s?\b",
    r"funciona\w*",
    r"defectuos\w*",
    r"batería\w*",
    r"pilas?\b",
    r"cargador",
    r"talla\w*",
    r"tamaño",
    r"(?:muy|demasiado) (?:pequeñ|grande|estrech|anch|cort|larg|pesad|fin|ruidos|dur|bland)\w*",
    r"tela\b",
    r"tejido",
    r"material\w*",
    r"plástico",
    r"colou?r\w*",
    r"ruido\w*",
    r"calienta\w*",
    r"olor\w*",
    r"huele\w*",
    r"sabor\w*",
    r"instrucciones",
    r"montaje",
    r"(?:in)?cómod\w*",
    r"cremallera",
    r"asa\b",
    r"tapa\b",
    r"gotea\w*",
    r"óxido",
    r"oxid\w*",
    r"inútil\w*",
    r"producto\w*",
    r"aparato\w*",
    r"frágil\w*",
    r"se despega\w*",
    r"se descose\w*",
    r"pantalla",
    r"diseño",
)


RULES = rules_from(globals())
