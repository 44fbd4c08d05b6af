"""Spanish: the words more than one rule set reads, written with their accents (the messaging rules also
read them without)."""

# --- reviews, and asking to change them ------------------------------------------------

REVIEW = (
    r"(?:valoraci(?:ón|ones)|reseñas?|opini(?:ón|ones)|comentarios?|evaluaci(?:ón|ones)|calificaci(?:ón|ones)"
    r"|puntuaci(?:ón|ones)|feedbacks?|(?:\d|cinco|cuatro)\s?estrellas|estrellas)"
)
CHANGE = (
    r"(?:elimin\w*|borr\w*|retir\w*|quit\w*|modific\w*|cambi\w*|actualiz\w*|actualic\w*|reconsider\w*|revis\w*"
    r"|mejor(?:ar|e|en)\w*|corregir\w*|corrij\w*|editar\w*|edite)"
)

# --- what a seller offers --------------------------------------------------------------

# A sum of euros. A number starts where its run of digits and separators starts: from each digit of a long run
# the rest would be read again.
MONEY = r"(?:(?<![\d.,])\d[\d.,]*\s?(?:€|euros?\b|eur\b)|€\s?\d[\d.,]*)"
# Anything of value, as the messaging rules read an offer made next to a review ask (an incentive).
VALUE = (
    r"reembols\w*",
    r"(?:devolvemos|devuelto|devolveremos|devolverle)\s+(?:el dinero|el importe|parte|\d)",
    r"devoluci(?:ón|ones) (?:del dinero|del importe|parcial)",
    r"cup(?:ón|ones)",
    r"descuentos?",
    r"códigos? (?:de descuento|promocional\w*|promo)",
    r"vales? (?:de compra|de descuento|regalo)",
    r"tarjetas? regalo|cheques? regalo",
    r"regalos?|regalamos|regalarle|regalarte|le regalaremos",
    r"obsequios?",
    r"gratis|gratuit\w*",
    r"compensaci(?:ón|ones)|compensar\w*|bonificaci(?:ón|ones)|indemnizaci(?:ón|ones)",
    r"\d+\s?(?:%|por ?ciento)",
    MONEY,
)
# As in English, compensation, which makes good the problem ("un reemplazo gratuito"), apart from gifts,
# given over and above or in return; both apart from VALUE.
COMPENSATION = (
    r"reembols\w*",
    r"sustitu\w*",
    r"reemplaz\w*",
    r"reposición",
    r"devoluci[oó]n del (?:importe|dinero)",
    r"sin (?:coste|costo|cargo)",
)
# Value that is not money, given for a review as much as money is: prize draws, points, early access, clubs.
PERKS = (
    r"sorteos?",
    r"concursos?",
    r"rifas?",
    r"lotería",
    r"(?:para |y )?ganar (?:un|una|el|la|unos)",
    r"premios?",
    r"puntos? (?:de )?fidelidad",
    r"puntos? (?:extra|de regalo|de recompensa)",
    r"\d+ puntos",
    r"acceso (?:anticipado|exclusivo|prioritario)",
    r"en primicia",
    r"antes que nadie",
    r"(?:el |la |los |las )?primer(?:o|a|os|as) en (?:probar|recibir|descubrir|conocer)",
    r"club \w+|club",
    r"vip",
    r"miembros?",
    r"garantía (?:ampliada|extendida)|ampliación de (?:la )?garantía",
    r"plant\w* (?:un |\d+ )?árbol\w*",
    r"donaci\w*",
)
GIFTS = (
    *PERKS,
    r"cupón|cupones",
    r"descuentos?",
    r"códigos? (?:de )?(?:descuento|promocional\w*)",
    r"vales? (?:de compra|regalo|descuento)",
    r"tarjetas? regalo",
    r"cheques? regalo",
    r"(?:producto|artículo|muestra)s? (?:gratis|gratuit[oa]s?|de regalo)",
    r"(?:un )?regalo para (?:usted|ti)",
    r"obsequio\w*",
    r"a cambio de",
    r"como agradecimiento",
    r"en agradecimiento",
    r"reembolso (?:adicional|extra)",
)

# --- swearing --------------------------------------------------------------------------

# What a seller's message may not contain.
PROFANE = (
    r"mierda\w*|joder|jodid\w*|jódete|hostias?|coño|gilipollas|cabr(?:ón|ona|ones)|put[ao]s?|hij[oa]s? de puta|hijoputa"
    r"|carajo|chingad\w*|cojones|me cago|capull\w*|mam(?:ón|ona)",
)
# Of those, the words the messaging rules also read disguised (m1erda, j.o.d.e.r).
PROFANE_DISGUISED = ("mierda", "joder")
# What Amazon removes a buyer's feedback for: obscene and profane words, mild swearing too ("maldito"), ("con"
# is "with" here, not the French insult). Rude words that swear at nothing ("porquería", "basura", "timo",
# "idiota", "imbécil") are no ground.
OBSCENE = (
    r"\w*mierd\w*",
    r"gilipoll\w*",
    r"cabr[oó]n\w*",
    r"cabrona\w*",
    r"jod(?:er|ido|ida|idos|idas|an|e)",
    r"put[ao]s?",
    r"putada\w*",
    r"hdp",
    r"coñ[oa]",
    r"cojon\w*",
    r"capull\w*",
    r"pendej\w*",
    r"chingad\w*",
    r"verga",
    r"zorra\w*",
    r"maric[oó]n\w*",
    r"me cago en",
    r"maldit[oa]s?",
    r"carajo",
)

# --- contact details spelled out ---------------------------------------------------------

DOT = "punto"


# --- a buyer asking to send something back (read by messaging.intents: the composer offers to open a return) ---

RETURN_ASK = (
    r"\bdevol(?:ver|verlo|verla|verlos|ución|ucion|uciones)\b",
    r"\bdevuelvo\b",
    r"\breembols\w*",
    r"\betiqueta de devoluci[óo]n\b",
    r"\bcambiar(?:lo|la)?\b",
)
