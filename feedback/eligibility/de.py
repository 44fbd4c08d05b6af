"""The eligibility rules for German comments."""

import re

from messaging.vocabulary import de, en

from .rules import any_of, obscenity, rules_from

# --- a full name -------------------------------------------------------------

_NAME = r"([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)?)"
_NAME_AFTER_CUE = re.compile(
    r"(?i:\b(?:mein name ist|ich hei(?:ß|ss)e|namens|name:|gesprochen mit|unterschrieben von|herrn?|frau"
    r"|mitarbeiter(?:in)?|inhaber(?:in)?|gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?|dr)\b\.?,?:?\s+)" + _NAME
)

# --- obscenity -------------------------------------------------------------

# German obscene words, and English ones: buyers swear in English whatever their language.
_OBSCENITY = obscenity(*de.OBSCENE, *en.OBSCENE)

# --- what the comment is about --------------------------------------------

_SELLER_FAULT = any_of(
    r"falsche[rsnm]? (?:artikel|größe|groesse|farbe|modell|produkt|ware|teil|buch|version|sorte|ausführung|menge)\b",
    r"falsch(?:en)? geliefert",
    r"nicht wie (?:beschrieben|abgebildet|angegeben|angeboten|bestellt|auf dem bild)",
    r"(?:entspricht|stimmt) nicht (?:mit )?(?:der|den|dem) (?:beschreibung|abbildung|angaben|bild|foto)",
    r"anders als (?:beschrieben|abgebildet|angegeben|auf dem (?:bild|foto))",
    r"(?:ganz |völlig |komplett )?andere[sn]? (?:modell|produkt|artikel|farbe|marke|ware)",
    r"(?:im|laut|lt\.?|in der) (?:angebot|artikelbeschreibung|produktbeschreibung|beschreibung|anzeige)",
    r"(?:artikel|produkt)?beschreibung (?:ist|war|sagt|stimmt)",
    r"gefälscht\w*",
    r"fälschung",
    r"plagiat",
    r"fake\b",
    r"kein original",
    r"nicht (?:original|echt)\b",
    r"(?:war|ist|wurde|eindeutig|offensichtlich|offenbar|deutlich|bereits|schon) gebraucht",
    r"gebrauchte[rsnm]? (?:artikel|ware|gerät|produkt|buch|zustand)",
    r"gebrauchsspuren",
    r"(?:bereits|schon|vorher) (?:geöffnet|benutzt|ausgepackt|getragen)",
    r"angebrochen",
    r"generalüberholt",
    r"b-ware",
    r"abgelaufen",
    r"mindesthaltbarkeit\w*",
    r"haltbarkeitsdatum",
    r"mhd\b",
    r"fehl(?:t|en|te|ten)\b",
    r"unvollständig",
    r"nicht (?:dabei|enthalten|im lieferumfang)",
    r"nur (?:\d+|eine?n?|zwei|drei|vier|die hälfte)\b[^.!?]{0,30}\b(?:bekommen|erhalten|geliefert|im paket)",
    r"rechnung",
    r"storniert",
    r"versprochen\b",
    r"(?:um|nach|für) (?:\d|fünf) sterne",
    r"(?:um|nach) (?:eine )?(?:gute|positive) bewertung",
)
_SELLER_CONTACT = any_of(
    # the seller refusing, blaming or brushing off: their own service, whatever the product did
    r"(?:verkäufer\w*|händler\w*|anbieter\w*|firma|shop)\b[^.!?]{0,40}"
    r"\b(?:ablehn|abgelehnt|lehnt|weiger|verweis|beschuldig|abgewimmelt|abwimmel|vertröst|stellt sich quer"
    r"|zurücknehm|zurückzunehmen|schuld)\w*",
    r"(?:will|wollte|wollen) (?:davon |damit )?nichts (?:hören|wissen|zu tun haben)",
    r"(?:verkäufer\w*|händler\w*|anbieter\w*|firma|shop)\b[^.!?]{0,40}"
    r"\b(?:antwort|reagier|meld|ignorier|unfreundlich|unverschämt|frech|aufgelegt|zurückgeruf|erreich)\w*",
    r"(?:keine|nie eine|ohne|null) (?:antwort|reaktion|rückmeldung|rückantwort)",
    r"(?:nie|nicht|keiner?) (?:\w+ ){0,2}(?:gemeldet|geantwortet|reagiert|zurückgerufen|zurückgeschrieben)",
    r"(?:antwortet|reagiert|meldet sich) (?:\w+ )?nicht",
    r"ignoriert\w*",
    r"(?:unerreichbar|nicht erreichbar)",
    r"(?:schlechte|keine) kommunikation",
    r"unfreundlich\w*",
)
_DELIVERY = any_of(
    # what came, or did not: an empty or opened parcel, nothing at all
    r"leer\w* (?:karton|paket|umschlag|verpackung|sendung|schachtel|umkarton)",
    r"(?:karton|paket|umschlag|verpackung|sendung|schachtel|umkarton)\w*\b[^.!?]{0,30}\b(?:leer|geöffnet|offen"
    r"|aufgerissen|aufgeschnitten)\b",
    r"(?:geöffnet|offen|aufgerissen) (?:an(?:gekommen)?|bei mir)",
    r"nichts (?:drin|darin|enthalten)",
    r"(?:nie|nicht) angekommen|kam nie|ist nie",
    r"(?:ge|aus|an|zu)?liefer(?!umfang)\w*",
    r"versand\w*",
    r"versendet",
    r"verschickt",
    r"zu spät",
    r"verspät\w*",
    r"(?:dauert(?:e|en)?|gedauert)\b",
    r"angekommen",
    r"ankunft",
    r"kam(?:en)?\b[^.!?]{0,30}\ban\b",
    r"(?:nie|nicht) (?:erhalten|bekommen|zugestellt)",
    r"paket\w*",
    r"päckchen",
    r"sendung\w*",
    r"karton\w*",
    r"verpack\w*",
    r"zerdrückt",
    r"zerquetscht",
    r"eingedrückt",
    r"beschädigt\w*",
    r"nass\b",
    r"durchnässt",
    r"im regen",
    r"(?:brief)?umschlag",
    r"luftpolster\w*",
    r"tracking\w*",
    r"verloren",
    r"verschollen",
    r"zusteller\w*",
    r"(?:paket)?bote\b",
    r"fahrer\w*",
    r"kurier\w*",
    r"dhl",
    r"hermes",
    r"dpd",
    r"gls",
    r"ups\b",
    r"post\b",
    r"packstation",
    r"briefkasten",
    r"vor (?:die|der) (?:haus)?tür",
    r"nachbar\w*",
    r"falsche (?:adresse|anschrift)",
    r"prime\b",
)
_AMAZON_SERVICE = any_of(
    r"kundenservice",
    r"kundendienst",
    r"kundenbetreuung",
    r"support\b",
    r"hotline",
    r"(?:rück)?erstatt\w*",
    r"rücksendung\w*",
    r"zurückgeschickt",
    r"zurückgesendet",
    r"retoure\w*",
    r"rückgabe",
    r"geld\b[^.!?]{0,25}\bzurück",
)
# Price words in another sense: read past them before looking for a pricing complaint.
_PRICE_IDIOM = any_of(
    r"um jeden preis",
    r"koste es,? was es wolle",
    r"teure\w* (?:fehler|lehre|lektion|erfahrung|spaß)",
    r"lehrgeld",
    r"(?:einen|eine|den|die|viel|viele|zwei|drei|\d+) (?:ganzen |halben )?(?:abend|tag|stunden?|nachmittag|wochenende"
    r"|zeit|nerven|geduld|nacht)\w* gekostet",
    r"kostet (?:mich |uns |sie |ja )?nichts",
)
_PRICE = any_of(
    r"\w*preis\w*",
    r"überteuert",
    r"teuer\w*",
    r"kost(?:et|en|ete)\b",
    r"günstiger",
    r"billiger",
    r"woanders",
    r"wucher\w*",
    r"abzocke",
    r"(?:nicht )?(?:sein|das|den) geld (?:nicht )?wert",
    r"doppelt so viel",
    r"\d+(?:[.,]\d+)?\s?(?:€|euro\b|eur\b)",
    r"€\s?\d",
)
_PRODUCT = any_of(
    r"fällt (?:\w+ )?aus|ausgefallen",
    r"flacker\w*",
    r"qualität",
    r"verarbeitung",
    r"kaputt",
    r"defekt\w*",
    r"(?:ab)?gebrochen",
    r"gerissen",
    r"funktionier\w*",
    r"geht nicht",
    r"lässt sich nicht",
    r"(?:springt|lädt|schaltet|startet)\b[^.!?]{0,30}\bnicht\b",
    r"akku\w*",
    r"batterie\w*",
    r"ladegerät",
    r"passt\w*",
    r"passform",
    r"fällt (?:\w+ ){0,3}(?:klein|kleiner|groß|größer|eng|weit) aus",
    r"zu (?:klein|groß|eng|weit|kurz|lang|schwer|dünn|dick|laut|hart|weich)\b",
    r"größe\w*",
    r"farbe\w*",
    r"stoff\w*",
    r"material\w*",
    r"plastik",
    r"billig\w*",
    r"nähte?\b",
    r"dünn\w*",
    r"instabil",
    r"wackel\w*",
    r"haltbar\w*",
    r"hält (?:\w+ ){0,2}nicht",
    r"riech\w*",
    r"geruch",
    r"gestank",
    r"stinkt",
    r"schmeckt",
    r"geschmack",
    r"klang",
    r"sound",
    r"lautstärke",
    r"laut\b",
    r"display",
    r"bildschirm",
    r"anleitung",
    r"aufbau\w*",
    r"montage",
    r"(?:un)?bequem",
    r"reißverschluss",
    r"reissverschluss",
    r"griff\w*",
    r"deckel",
    r"quietsch\w*",
    r"lack\b",
    r"blättert",
    r"produkt\w*",
    r"gerät\w*",
    r"design",
    r"undicht",
    r"tropft",
    r"rost\w*",
    r"nutzlos",
    r"unbrauchbar",
    r"schrott",
)


RULES = rules_from(globals())
