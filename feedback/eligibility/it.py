"""The eligibility rules for Italian comments (amazon.it)."""

import re

from messaging.vocabulary import en, it

from .rules import any_of, obscenity, rules_from

# --- a full name -------------------------------------------------------------

_UPPER, _LOWER = "A-ZÀÈÉÌÒÙ", "a-zàèéìòù"
_PART = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?|[{_UPPER}]['’][{_UPPER}][{_LOWER}]+"
_NAME = rf"((?:{_PART})\s+(?:{_PART}))"
_NAME_AFTER_CUE = re.compile(
    r"(?i:\b(?:mi chiamo|il mio nome è|firmato|ho parlato con|parlato con|signora|signorina|signor|signore"
    r"|sig\.ra|sig\.na|sig|dott\.ssa|dott|titolare|responsabile)\b\.?,?:?\s+)" + _NAME
)

# --- obscenity -------------------------------------------------------------

# Italian obscene words, and English ones: buyers swear in English whatever their language.
_OBSCENITY = obscenity(*it.OBSCENE, *en.OBSCENE)

# --- what the comment is about --------------------------------------------

_ITEM = r"(?:articol[oi]|prodott[oi]|tagli[ae]|color[ei]|modell[oi]|misur[ae]|libr[oi]|pezz[oi]|versione|numero)"
_SELLER_FAULT = any_of(
    rf"{_ITEM} (?:\w+ )?(?:sbagliat|errat|divers)\w*",
    r"(?:inviato|mandato|spedito|ricevuto|arrivato) (?:\w+ ){0,3}sbagliat\w*",
    r"non (?:è )?conforme",
    r"non corrispond\w*",
    r"non è (?:quell[oa]|come) (?:della|nella|in|descritt|che ho|ordinat|mostrat|indicat)\w*",
    r"(?:divers|different)[oaie] (?:da|dalla|dal|dalle|dai) (?:la |l['’])?(?:foto|descrizione|immagine|annuncio)",
    r"(?:nella|secondo la|in) (?:foto|descrizione|annuncio|scheda)",
    r"(?:della|nella) foto",
    r"(?:un )?altro (?:modello|prodotto|articolo|colore)",
    r"contraffatt\w*",
    r"falso\b",
    r"fake\b",
    r"non (?:è )?original\w*",
    r"(?:era|già|chiaramente|evidentemente|palesemente) (?:usat|apert|utilizzat)[oaie]",
    r"di seconda mano",
    r"ricondizionat\w*",
    r"scadut\w*",
    r"data di scadenza",
    r"manca(?:no|va|vano)?\b",
    r"mancant\w*",
    r"incomplet\w*",
    r"fattura",
    r"annullat\w*",
    r"(?:per|in cambio di) (?:\d|cinque) stelle",
)
_SELLER_CONTACT = any_of(
    # the seller refusing or blaming: their own service, whatever the product did
    r"(?:venditor[ei]|venditrice|negozio|ditta|azienda)\b[^.!?]{0,40}\b(?:rifiut|nega|respint|incolpa|colpa)\w*",
    r"se ne lava le mani|non (?:ne )?vuole?(?: più)? saper(?:ne)?",
    r"(?:venditor[ei]|venditrice|negozio|ditta|azienda)\b[^.!?]{0,40}\b(?:rispond|ignor|scortes|maleducat|sparit)\w*",
    r"(?:nessuna|senza|zero) (?:risposta|riscontro)",
    r"non (?:\w+ )?(?:risponde|rispondono|ha risposto|hanno risposto|si fa sentire)",
    r"ignorat\w*",
    r"scortes\w*",
    r"maleducat\w*",
    r"irraggiungibil\w*",
)
_DELIVERY = any_of(
    r"(?:arrivat[oa]|giunt[oa]) (?:già )?(?:apert|strappat)[oa]",
    r"(?:scatola|pacco|busta) vuot[oa]|niente dentro",
    r"spedizion\w*",
    r"spedit\w*",
    r"consegn\w*",
    r"in ritardo",
    r"ritard\w*",
    r"(?:mai|non) (?:\w+ )?(?:arrivat|ricevut|consegnat)\w*",
    r"pacc(?:o|hi|hetto)\b",
    r"scatola",
    r"imball\w*",
    r"danneggiat\w*",
    r"schiacciat\w*",
    r"bagnat\w*",
    r"busta",
    r"tracciamento",
    r"tracking",
    r"smarrit\w*",
    r"pers[oa] (?:il|la|mio|mia)",
    r"corrier\w*",
    r"fattorino",
    r"poste\b",
    r"bartolini",
    r"brt",
    r"sda",
    r"gls",
    r"dhl",
    r"ups\b",
    r"cassetta (?:della posta|postale)",
    r"portineria",
    r"cancello",
    r"prime\b",
)
_AMAZON_SERVICE = any_of(
    r"servizio clienti",
    r"assistenza\w*",
    r"rimbors\w*",
    r"res[oi]\b",
    r"restitu\w*",
    r"soldi\b[^.!?]{0,25}\bindietro",
)
# Price words in another sense: read past them before looking for a pricing complaint.
_PRICE_IDIOM = any_of(
    r"a tutti i costi",
    r"a qualsiasi prezzo",
    r"costi quel che costi",
    r"(?:mi|ci) è costat[oa] (?:ore|giorni|una serata|una giornata|un pomeriggio|tempo|\d+ ore)",
)
_PRICE = any_of(
    r"prezz\w*",
    # "Caro venditore" is a greeting.
    r"(?:(?:troppo|molto|parecchio|più|così) )?car[oaie]\b(?! (?:venditor|amic|signor|client|amazon))",
    r"carissim\w*",
    r"cost(?:a|ava|ato|ano)\b",
    r"costos\w*",
    r"più economic\w*",
    r"non (?:li )?vale\b",
    r"\d+(?:[.,]\d+)?\s?(?:€|euro\b|eur\b)",
    r"€\s?\d",
)
_PRODUCT = any_of(
    r"qualità",
    r"finitur\w*",
    r"rott[oaie]\b",
    r"romp\w*",
    r"funzion\w*",
    r"difettos\w*",
    r"batteri[ae]",
    r"pil[ae]\b",
    r"caricatore",
    r"tagli[ae]\b",
    r"(?:troppo|molto) (?:piccol|grand|strett|larg|cort|lung|pesant|sottil|rumoros|dur|morbid)\w*",
    r"tessuto",
    r"material\w*",
    r"plastica",
    r"colore\w*",
    r"rumor\w*",
    r"scald\w*",
    r"odore\w*",
    r"puzz\w*",
    r"sapore\w*",
    r"istruzioni",
    r"montaggio",
    r"s?comod\w*",
    r"cerniera",
    r"zip\b",
    r"manico",
    r"coperchio",
    r"perde acqua",
    r"ruggin\w*",
    r"inutil\w*",
    r"prodott[oi]\b",
    r"apparecchi\w*",
    r"fragil\w*",
    r"si stacca\w*",
    r"schermo",
    r"design",
)


RULES = rules_from(globals())
