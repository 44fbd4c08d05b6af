"""The wording rules in German (sellers on amazon.de, and German messages to any marketplace).

The patterns are written with umlauts and ß and compiled by `_de`, which makes each match the folded
text's bare vowels and "ss" ("Lügner" is read as "lugner") and the ae/oe/ue spellings ("Luegner").
German puts the verb last and the negation after the noun ("Ein Aufpreis fällt nicht an"), so the
gaps between words skip no negation (`GAP`) and a charge is also settled by a negation after it.
"""

import re

from messaging.vocabulary.de import CHANGE, COMPENSATION, GAP, GIFTS, MONEY, PROFANE, PROFANE_DISGUISED, REVIEW, VALUE

from .wording import leet, wording_from

_UMLAUTS = {"ä": "(?:ae?)", "ö": "(?:oe?)", "ü": "(?:ue?)", "ß": "ss"}


def _de(*alternatives: str) -> re.Pattern:
    """Any of the German `alternatives`, each a whole word or phrase."""
    pattern = "|".join(alternatives)
    for letter, spellings in _UMLAUTS.items():
        pattern = pattern.replace(letter, spellings)
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")


# A `GAP` that may also be an amount, and never the seller paying ("den Betrag überweisen wir Ihnen").
_PAYGAP = r"(?:(?!(?:nicht|nichts|kein\w*|nie|niemals|ohne|weder|wir|ich|amazon)\b)(?:[\w'€$£-]|[.,](?=\d))+\s+)"
_BAD = r"(?:negativ|schlecht|neutral|kritisch|mittelmäßig|[1-3][- ]?stern)\w*"

# --- reviews and feedback ----------------------------------------------------------

_INCENTIVE = _de(*VALUE)
_GIFT = _de(*GIFTS)
_COMPENSATION = _de(*COMPENSATION)
_REMOVAL_ASK = _de(
    # "Ändern Sie bitte Ihre Bewertung", "löschen Sie die negative Bewertung"
    rf"{CHANGE}\s+(?:sie\s+)?(?:bitte\s+|doch\s+|noch\s+|einmal\s+|vielleicht\s+)*(?:ihre?n?|die|diese\w*|das|den)\s+"
    rf"{GAP}{{0,2}}?{REVIEW}",
    # "Ihre Bewertung noch einmal überdenken", "die Bewertung zu entfernen"
    rf"{REVIEW}\s+{GAP}{{0,3}}?(?:zu\s+)?{CHANGE}",
    # "Ziehen Sie Ihre Bewertung bitte zurück"
    rf"(?:ziehen|zieh|nehmen|nimm)\s+(?:sie\s+)?{GAP}{{0,3}}?{REVIEW}\s+{GAP}{{0,3}}?zurück",
)
_WRITE = (
    r"(?:hinterlass\w*|schreib\w*|verfass\w*|abgeb\w*|abzugeben|abgegeben|geben|gebe|gibt|vergeb\w*|teilen|teile"
    r"|posten|poste|veröffentlich\w*|geschrieben|verfasst)"
)
_REVIEW_ASK = _de(
    rf"{_WRITE}\s+{GAP}{{0,4}}?{REVIEW}",
    rf"{REVIEW}\s+{GAP}{{0,3}}?(?:zu\s+)?{_WRITE}",
    r"bewerten\s+sie",
    rf"(?:uns|das produkt|den artikel|die ware|den kauf|unseren shop|den verkäufer|unser produkt|ihren kauf"
    rf"|ihre bestellung)\s+{GAP}{{0,4}}?(?:zu\s+)?bewerten",
    rf"(?:im gegenzug|als gegenleistung|als (?:kleines )?dank(?:eschön)?|zum dank|als belohnung)\s+(?:für\s+)?"
    rf"{GAP}{{0,3}}?{REVIEW}",
    rf"(?:für|bei|gegen|mit)\s+(?:eine|einer|jede|jeder)\s+{GAP}{{0,2}}?{REVIEW}",
    rf"sobald\s+{GAP}{{0,4}}?{REVIEW}",
    rf"(?:nach|bei|gegen|für)\s+(?:der\s+|die\s+)?(?:abgabe|veröffentlichung)\s+(?:einer|ihrer|der)\s+{GAP}{{0,2}}?{REVIEW}",
    rf"(?:positiv|gut|sehr gut|ausgezeichnet|hervorragend|top|toll|super|ehrlich)\w{{0,2}}[- ]{REVIEW}",
    _REMOVAL_ASK.pattern,
)
_POSITIVE = _de(
    rf"(?:positiv|gut|sehr gut|ausgezeichnet|hervorragend|top|toll|super|glänzend|best|bestmöglich|perfekt|spitze"
    rf"|volle?|höchste?)\w{{0,2}}[- ]+{REVIEW}",
    r"(?:5|fünf|volle?n?)[- ]?sternen?",
    r"5/5",
    r"bestnote|höchstnote|volle punktzahl",
)
_ASK = _de(
    r"bitte|bitten|würden sie|würdest|könnten sie|könntest|würden (?:wir )?uns|würde uns|wären?\s+(?:wir|ihnen|es"
    r"|toll|schön|super|klasse|nett)",
    r"freuen uns|freuen wir uns|hoffen|hoffe|dankbar|vergessen sie|denken sie|helfen sie uns|hilft uns|im voraus",
    r"möchten sie|lassen sie|über eine|wünschen (?:wir )?uns|zählen auf|sie können",
)
_THANKS_FOR = _de(r"^\W*(?:[\w,]+\s+){0,3}?dank(?:e|eschön)?(?:\s+\w+)?\s+für\b(?!.*\bim voraus\b)")
_SELECTIVE = _de(
    rf"(?:wenn|falls|sofern|sollten)\s+(?:sie|ihnen|es ihnen)\s+{GAP}{{0,4}}?(?:zufrieden\w*|gefällt|gefallen"
    r"|begeistert|glücklich|überzeugt)",
    rf"(?:wenn|falls|sofern)\s+{GAP}{{0,3}}?(?:ihnen|sie)\s+{GAP}{{0,3}}?(?:gefällt|gefallen|zusagt|zusagen)",
    rf"sind sie\s+{GAP}{{0,3}}?(?:zufrieden|begeistert|glücklich|überzeugt)",
    r"(?:zufriedene|glückliche|begeisterte)\s+(?:kunden|käufer)",
    r"bei zufriedenheit",
)
_DIVERT = _de(
    rf"bevor\s+sie\s+{GAP}{{0,4}}?{REVIEW}",
    r"bevor sie (?:uns )?bewerten",
    rf"(?:anstatt|statt)\s+{GAP}{{0,4}}?{REVIEW}",
    rf"(?:hinterlassen|geben|schreiben|abgeben|verfassen|vergeben)\s+sie\s+(?:bitte\s+|uns\s+|doch\s+)*(?:keine|nicht)"
    rf"\s+{GAP}{{0,2}}?{_BAD}[- ]?{REVIEW}?",
    rf"bitte\s+(?:\w+\s+)?keine\s+{_BAD}[- ]?{REVIEW}",
    rf"(?:nicht|keine?)\s+(?:gleich\s+|sofort\s+|direkt\s+|einfach\s+)?{_BAD}\s+(?:zu\s+)?bewerten",
    rf"von einer {_BAD} {REVIEW} abzusehen",
    rf"verzichten sie (?:bitte )?auf (?:eine )?{_BAD} {REVIEW}",
    rf"(?:vor|statt) (?:einer|der) {_BAD} {REVIEW}",
)

# --- off Amazon, promotion, payment --------------------------------------------------

_OFF_AMAZON = _de(
    r"(?:unser|unsere|unseren|unserem|unserer|mein|meine|meinen|meinem)\s+(?:eigene\w*\s+)?(?:web-?seite|website"
    r"|homepage|internetseite|internetauftritt|online-?shop|webshop|internet-?shop|online-?store|blog"
    r"|social-media-?\w*|ladengeschäft|ladenlokal|sozialen (?:medien|netzwerke)n?)",
    r"(?:außerhalb|abseits)\s+(?:von\s+)?amazons?",
    r"ohne (?:den umweg über )?amazon",
    rf"(?:bestell|kauf|erwerb|bezieh)\w*\s+(?:sie\s+)?{GAP}{{0,4}}?direkt\s+(?:bei|über|von)\s+(?:uns|mir)",
    rf"direkt\s+(?:bei|über|von)\s+(?:uns|mir)\s+{GAP}{{0,2}}?(?:zu\s+)?(?:bestell|kauf|erwerb|bezieh)\w*",
    r"(?:folgen|finden|liken|abonnieren|kontaktieren|besuchen|schreiben|erreichen|adden)\s+sie\s+uns\s+"
    r"(?:auch\s+|gerne?\s+|doch\s+|einfach\s+|direkt\s+)*(?:auf|bei|über|via|per)\s+"
    r"(?!amazon|die\b|den\b|der\b|das\b|dem\b|diese|hier|ihr|unser|uns\b|mich\b)[a-z]\w*",
    r"(?:senden|schicken|geben|nennen|teilen)\s+sie\s+(?:mir|uns)\s+(?:doch\s+|bitte\s+|gerne?\s+|einfach\s+|kurz\s+)*"
    r"(?:ihre\s+)?(?:private\w*\s+|persönliche\w*\s+)?(?:telefonnummer|handynummer|mobilnummer|rufnummer"
    r"|whatsapp-?nummer|nummer|e-?mail(?:-?adresse)?|mailadresse|privatadresse|adresse|anschrift|kontaktdaten)",
    rf"(?:ich|wir)\s+(?:rufe|rufen)\s+sie\s+{GAP}{{0,2}}?an",
    rf"(?:rufe|rufen)\s+(?:ich|wir)\s+sie\s+{GAP}{{0,2}}?an",
    rf"(?:ich|wir)\s+(?:werde|werden|können)\s+sie\s+{GAP}{{0,2}}?anrufen",
    r"googeln sie|(?:bei|auf|über) google",
)
_PROMOTION = _de(
    r"(?:besuchen|entdecken|schauen|stöbern|werfen|sehen|durchstöbern|erkunden|klicken)\s+sie\s+(?:sich\s+)?"
    r"(?:doch\s+|gerne?\s+|auch\s+|mal\s+|einfach\s+|jetzt\s+|gleich\s+)*(?:einen blick\s+)?"
    r"(?:in\s+|auf\s+|durch\s+|bei\s+)?unser\w*\s+(?:[\w-]+\s+){0,2}?[\w-]*?(?:andere[nmrs]?|weitere[nmrs]?"
    r"|neue[nmrs]?|neuesten?|gesamte[nmrs]?|ganze[nmrs]?|komplette[nmrs]?|sortiments?|produkte?n?|artikeln?"
    r"|kollektion(?:en)?|shop|store|marken?|angebote?n?|produktpalette|produktwelt|neuheiten|bestseller|auswahl"
    r"|programm|serien?|storefront)",
    rf"könnte\w*\s+(?:sie|ihnen)\s+{GAP}{{0,2}}?(?:auch|ebenfalls)\s+{GAP}{{0,3}}?(?:interessieren|gefallen)",
    r"(?:auch|ebenfalls) (?:interessant|spannend) für sie",
    r"neu im sortiment|neu eingetroffen|frisch eingetroffen|jetzt neu|brandneu\w*|neuheit(?:en)?",
    r"unser\w*\s+(?:brand)?neue\w*\s+(?:[\w-]+\s+){1,2}?(?:ist|sind)\s+(?:ab sofort\s+|jetzt\s+|endlich\s+"
    r"|ab heute\s+)?(?:erhältlich|verfügbar|da|online|lieferbar|auf lager)",
    r"schauen sie (?:doch |gerne? |mal |einfach )*(?:rein|vorbei)",
    r"solange (?:der )?vorrat reicht|nur für kurze zeit|zeitlich begrenzt\w*"
    r"|(?:sonder|exklusiv|vorteils|aktions|treue|einführungs)angebot\w*|(?:sonder|exklusiv)rabatt\w*"
    r"|rabattaktion\w*|(?:exklusive|spezielle|limitierte)\w* (?:angebot|rabatt|aktion|deal)\w*",
    rf"(?:\d+\s?(?:%|prozent)|\w*rabatt\w*|\w*gutschein\w*|\w*nachlass|vorteilscode|code \w+|gratisversand"
    rf"|kostenlose\w* versand)\s+{GAP}{{0,3}}?(?:auf|für|bei|beim)\s+(?:ihre?[nmr]?\s+|den\s+|die\s+|der\s+"
    r"|jede[nr]?\s+)?(?:nächste\w*|künftige\w*|zukünftige\w*|weitere\w*|zweite\w*|folgende\w*)\s+"
    r"(?:bestellung\w*|einkäufe?n?|einkauf\w*|kauf|käufe|auftrag|aufträge|lieferung)",
    rf"(?:melden|tragen)\s+sie\s+sich\s+{GAP}{{0,3}}?(?:newsletter|verteiler|club|community|gruppe|kundenclub|vip)\w*",
    r"abonnieren sie",
    rf"(?:kaufen|bestellen)\s+sie\s+{GAP}{{0,3}}?(?:zwei|drei|2|3|mehr|weitere)\b[^.!?]{{0,40}}?(?:rabatt|gratis"
    r"|geschenkt|umsonst|sparen)",
)
_PAY = r"(?:überweisen|zahlen|bezahlen|nachzahlen|begleichen|entrichten)"
_EXTRA_PAYMENT = _de(
    # "Bitte überweisen Sie zusätzlich 5 €", "zahlen Sie die Zollgebühren"
    rf"{_PAY}\s+sie\s+(?:uns\s+|mir\s+)?(?:bitte\s+|noch\s+|zusätzlich\s+|vorab\s+|einfach\s+|dann\s+)*"
    rf"(?:(?:den|die|das|einen|eine|weitere\w*|zusätzliche\w*)\s+)?{GAP}{{0,2}}?(?:differenz\w*|restbetrag|betrag"
    r"|summe|aufpreis|zuschlag|\w*gebühr\w*|\w*kosten|porto|zoll\w*|rest|\d|€|euro)",
    # "müssten Sie noch 7,90 € per Überweisung nachzahlen": the buyer, an amount, a payment verb
    rf"(?:sie|bitte)\s+{_PAYGAP}{{0,6}}?(?:{MONEY}|differenz(?:betrag)?|restbetrag|aufpreis|zuschlag|betrag)\s+"
    rf"{_PAYGAP}{{0,4}}?(?:zu\s+)?(?:überweisen|nachzahlen|nachzuzahlen|zahlen|zuzahlen|bezahlen|begleichen|entrichten"
    r"|überweisung)",
    rf"sie (?:müssen|müssten|sollten) (?:uns )?(?:noch|zusätzlich|extra|vorab)\s+{GAP}{{0,4}}?"
    r"(?:be|nach|dazu|drauf)?zahlen",
    r"(?:unser\w*|mein\w*)\s+(?:bank|konto)(?:verbindung|daten|nummer|details)",
    r"(?:bankverbindung|kontoverbindung) lautet",
    r"per (?:überweisung|vorkasse|nachnahme|banküberweisung|sofortüberweisung)|(?:bank|sofort)überweisung|vorkasse"
    r"|nachnahme|auf (?:unser|folgendes|mein) konto",
    r"nachzu?zahlen",
    r"bitten (?:wir )?sie\s+(?:\w+\s+){0,2}?um\s+(?:\w+\s+){0,2}?(?:überweisung|zahlung|nachzahlung|begleichung"
    r"|restzahlung|anzahlung)",
)
_EXTRA_CHARGE = _de(
    rf"(?:zusätzlich\w*|weitere[nmrs]?|extra|gesondert\w*|separat\w*|höhere[nmrs]?)\s+{GAP}{{0,2}}?(?:kosten"
    r"|gebühr\w*|zahlung\w*|betrag|beträge|summe|versandkosten|portokosten|porto|zuschlag|aufpreis|entgelt|zoll\w*)",
    r"aufpreis|zuschlag|nachzahlung|mehrkosten|differenzbetrag|restbetrag|restzahlung|anzahlung|\w*gebühr(?:en)?",
    r"(?:ausstehende|offene)\w* (?:betrag|zahlung|summe|rechnung)",
    rf"{MONEY}\s+(?:extra|zusätzlich|mehr|aufpreis|zuschlag)",
)
_PAYER = _de(
    r"bitte|müssen sie|müssten sie|sie müssen|sie müssten|sollten sie|sie sollten|zahlen sie|bezahlen sie"
    r"|überweisen sie|fällig|kostet sie|kosten sie|berechnen (?:wir )?ihnen|(?:wird|werden) ihnen (?:\w+ )?berechnet"
    r"|in rechnung|vorab|fällt|fallen|anfallen|entsteh\w*|erforderlich|nötig|notwendig|zu (?:be)?zahlen"
    r"|zu überweisen|zu tragen|zahlbar|erheben|verlangen",
)
_SETTLED = _de(
    r"(?:nicht|keine?|nichts)\s+(?:mehr\s+|extra\s+|zusätzlich\s+|weiter\s+)?(?:\w+\s+)?(?:an|nötig|notwendig"
    r"|erforderlich|fällig|berechnet|berechnen|erhoben|erheben|verlangt|verlangen|(?:be|nach|zu|ge)?zahl\w*"
    r"|überwiesen|überweisen|anfallen|entstehen)",
)
_CARD_DATA = (
    r"(?:kreditkart\w*|kartennummer|kartendaten|bankdaten|bankverbindung|kontodaten|kontonummer|pin|passwort"
    r"|zugangsdaten|prüfziffer|prüfnummer|cvv|cvc|sicherheitscode|tan)"
)
_CARD_REQUEST = _de(
    r"(?:senden|schicken|geben|nennen|teilen|bestätigen|übermitteln|schreiben|mailen)\s+sie\s+(?:uns\s+|mir\s+)?"
    rf"(?:bitte\s+|noch\s+|kurz\s+)*ihre\s+(?:vollständige\w*\s+)?(?:{_CARD_DATA}|iban)",
    rf"ihre\s+{_CARD_DATA}\s+{GAP}{{0,3}}?(?:mitteilen|mit|senden|schicken|nennen|geben|zukommen|übermitteln|bestätigen)",
)

# --- order and shipping confirmations ------------------------------------------------

_SHIPMENT = r"(?:bestellung|paket|päckchen|sendung|lieferung|artikel|ware|waren|auftrag|einkauf)"
_SENT = (
    r"(?:versandt|versendet|verschickt|bestätigt|aufgegeben|eingegangen|bearbeitet|verpackt|übergeben|abgeschickt"
    r"|losgeschickt)"
)
_STATUS = _de(
    rf"(?:ihre?|die|das|der)\s+{_SHIPMENT}(?:\s+[\w-]+){{0,3}}?\s+(?:wurde|wurden|ist|sind|wird|werden)\s+"
    r"(?:(?:soeben|gerade|eben|heute|bereits|schon|jetzt|nun|erfolgreich|vorhin)\s+)*(?:(?:an|mit|per|von|bei)\s+"
    rf"(?:[\w-]+\s+){{1,3}}?)?(?:{_SENT}|unterwegs|auf dem weg|raus|in bearbeitung|versandbereit)",
    rf"(?:ihre?|die|das|der)\s+{_SHIPMENT}(?:\s+[\w-]+){{0,3}}?\s+{_SENT}\s+(?:wurde|wurden|worden|ist|sind)",
    rf"wir haben ihre?n?\s+{_SHIPMENT}\s+(?:\w+\s+){{0,3}}?(?:erhalten|{_SENT})",
    r"eingang ihrer (?:bestellung|zahlung)",
    rf"(?:ihre?|die|das|der)\s+{_SHIPMENT}(?:\s+[\w-]+){{0,3}}?\s+(?:hat|haben|verlässt|verlassen)\s+"
    r"(?:(?:heute|soeben|gerade|bereits)\s+)*(?:unser|das)\s+(?:lager|haus)(?:\s+verlassen)?",
    rf"(?:ihre?|die|das|der)\s+{_SHIPMENT}\s+(?:\w+\s+){{0,2}}?(?:unser|das)\s+(?:lager|haus)\s+verlassen",
)
_FRAMING = _de(
    r"gute nachrichten?",
    r"(?:wir )?freuen (?:uns|wir uns),? (?:ihnen )?(?:\w+\s+){0,3}?mitteil\w*|mitteilen zu (?:können|dürfen)",
    r"(?:wir )?(?:möchten|wollten|wollen) ihnen (?:nur |gerne? |hiermit |kurz )*(?:mitteilen|bestätigen"
    r"|bescheid geben|sagen|informieren)",
    r"hiermit (?:bestätigen|informieren|teilen) wir|wir bestätigen",
    r"(?:nur )?(?:eine )?kurze (?:info|information|nachricht|mitteilung)|zur info|zu ihrer information"
    r"|wir informieren sie",
    r"(?:vielen |herzlichen |recht herzlichen )?dank(?:e)? (?:für )?(?:ihre|ihren) (?:bestellung|einkauf|kauf|auftrag)",
)
# A header line ("Versandbestätigung: ...", "Betreff: Bestellbestätigung"), not the word in a sentence
# ("Die Sendungsnummer steht in der Versandbestätigung von Amazon").
_CONFIRMATION_HEADER = _de(
    r"(?:bestell|auftrags|versand)(?:bestätigung|benachrichtigung|mitteilung|info)(?=\s*(?:[:\n-]|$))",
)

# --- profanity, insults, liar, threats, discrimination --------------------------------

_PROFANITY = _de(*PROFANE, *map(leet, PROFANE_DISGUISED))
_INSULT = _de(
    r"idiot(?:en|in|innen)?|vollidiot\w*|trottel\w*|depp(?:en)?|volldepp\w*|dummkopf\w*|dummköpfe|schwachkopf\w*"
    r"|blödmann\w*|blödmänner|vollpfosten|penner|versager\w*|hohlkopf\w*|hohlbirne\w*|dumpfbacke\w*|spast\w*"
    r"|schwachmat\w*|witzfigur\w*|hirni|vollhonk|knallkopf\w*|nervensäge|idiotisch\w*",
    rf"(?:sie sind|du bist|sind sie|bist du)\s+{GAP}{{0,3}}?(?:ein(?:e|en)?\s+)?(?:dumm\w*|blöd\w*|bescheuert\w*"
    r"|beschränkt|unfähig\w*|inkompetent\w*|lächerlich|unverschämt|frech|ahnungslos|verrückt|naiv|unmöglich|peinlich"
    r"|gierig|geizig|nervig|dreist|erbärmlich|hirnlos|minderbemittelt|witz|clown|kindisch|asozial|das letzte"
    r"|eine zumutung)",
    r"(?:können|könnt) sie (?:etwa |denn |eigentlich )?nicht lesen|lernen sie (?:erst (?:mal |einmal )?)?lesen"
    r"|sind sie blind|tomaten auf den augen|(?:benutzen|gebrauchen) sie (?:mal |doch mal |einfach )?ihren"
    r" (?:kopf|verstand|gehirn)",
    r"halten sie (?:\w+\s+){0,2}?(?:den mund|die klappe)|halt (?:die klappe|den mund|'?s maul)|klappe halten"
    r"|hau(?:en sie)? ab|verschwinden sie|werden sie (?:endlich )?erwachsen|sie nerven",
    r"dumme\w* (?:frage|kunde|kunden|reklamation|beschwerde|leute|menschen|person|ausrede)",
    r"was für ein(?:e|en)? (?:idiot|trottel|depp|witz|dummkopf|clown|versager)\w*",
    r"(?:interessiert|juckt) (?:hier )?(?:keinen|niemanden)|niemand interessiert",
    r"sie spinnen|spinnen sie",
)
_LIAR = _de(
    r"lügner\w*",
    r"(?:sie|du)\s+(?:lügen|lügst|belügen|lügt)|lügen sie",
    rf"(?:sie haben|du hast)\s+{GAP}{{0,3}}?(?:gelogen|angelogen|belogen)|gelogen|erlogen|angelogen",
    r"(?:das|dies|ihre?\s+\w+|die\s+\w+)\s+(?:ist|war|sind)\s+(?:(?:doch|eine|glatt|frei|komplett|völlig|total|reine"
    r"|eindeutig|offensichtlich)\s+)*(?:lüge|gelogen|erlogen|erfunden|betrug|fake|gefälscht|ein märchen"
    r"|eine ausrede|betrügerisch|vorgetäuscht|ausgedacht)",
    r"frei erfunden|(?:reine|glatte|dreiste) lüge",
    rf"(?:sie|du)\s+(?:wollen|willst|versuchen|versuchst|möchten)\s+(?:uns\s+|hier\s+|wohl\s+|doch\s+)*{GAP}{{0,2}}?"
    r"(?:zu\s+)?(?:betrügen|abzocken|abzuzocken|abzuziehen|reinlegen|reinzulegen|hereinlegen|über den tisch"
    r" (?:zu )?ziehen|bescheißen|verarschen)",
    rf"(?:sie|du)\s+(?:uns\s+|hier\s+)?{GAP}{{0,2}}?(?:betrügen|abzocken|reinlegen|hereinlegen|bescheißen|verarschen"
    r"|täuschen)\s+(?:wollen|willst|möchten|wollten|versuchen)|(?:sie|du) betrügen",
    r"(?:sie sind|du bist)\s+(?:ein(?:e)?\s+)?(?:betrüger\w*|dieb\w*|schwindler\w*|abzocker\w*|scammer)",
    r"(?:betrüger\w*|diebe|schwindler\w*|abzocker\w*) wie sie",
    rf"sie haben\s+{GAP}{{0,3}}?(?:gestohlen|geklaut)",
    r"(?:wir glauben ihnen|das glauben wir ihnen) (?:kein wort|nicht)|glauben ihnen kein wort",
    r"unehrlich\w*",
    r"(?:sie )?(?:sagen|erzählen) (?:uns )?nicht die wahrheit|erzählen sie (?:uns )?keine märchen|märchen erzählen",
)
_THREAT = _de(
    r"(?:rechtliche|juristische|gerichtliche|anwaltliche)\w* (?:schritte|konsequenzen|maßnahmen)",
    r"(?:unser\w*|mein\w*)\s+(?:rechts)?anwält?\w*|(?:unsere|die) rechtsabteilung|anwalt (?:einschalten|eingeschaltet"
    r"|informieren)|schalten\s+(?:wir|ich)\s+(?:\w+\s+)?(?:rechts)?anwalt",
    rf"(?:wir|ich)\s+(?:werden|werde)\s+sie\s+{GAP}{{0,2}}?(?:verklagen|anzeigen|melden|sperren lassen|fertigmachen"
    r"|fertig machen|zur rechenschaft ziehen)",
    r"verklagen|klage (?:gegen sie|einreichen|erheben)|vor gericht|gerichtlich\w* (?:vorgehen|geltend)",
    rf"(?:straf)?anzeige gegen sie|(?:erstatten|stellen)\s+(?:wir|ich)\s+{GAP}{{0,2}}?(?:straf)?anzeige"
    rf"|(?:wir|ich)\s+(?:erstatten|stellen)\s+{GAP}{{0,2}}?(?:straf)?anzeige|wir zeigen sie an"
    r"|polizei (?:einschalten|informieren|verständigen)|(?:schalten|informieren|rufen) wir die polizei",
    r"wir melden sie",
    r"(?:wir|ich)\s+(?:werden|werde)\s+(?:ihr verhalten|ihr (?:kunden)?konto|ihren account"
    rf"|diesen (?:vorfall|betrug))\s+{GAP}{{0,3}}?(?:melden|anzeigen|sperren lassen)",
    r"(?:ihr|ihren) (?:kunden)?(?:konto|account) sperren lassen",
    r"(?:das|sie) werden (?:es |sie )?(?:noch )?bereuen|sie werden es (?:noch )?bereuen"
    r"|das wird (?:ernste |rechtliche )?(?:konsequenzen|folgen) haben|das hat (?:ernste |rechtliche )?(?:konsequenzen"
    r"|folgen)",
    r"wir wissen,? wo sie wohnen",
    r"inkasso\w*",
    r"sonst (?:passiert was|passiert etwas|gibt es ärger|knallt es|setzt es was|gibt's ärger)",
)
_DISCRIMINATION = _de(
    r"kanake\w*|kanacke\w*|neger\w*|nigger\w*|schwuchtel\w*|kümmeltürke\w*|schlitzaug\w*|polacke\w*"
    r"|kopftuchmädchen|untermensch\w*|zigeuner(?:in|innen)?|bimbo\w*|judensau|tunte\w*",
    r"leute wie sie|menschen wie sie|ihr leute|ihresgleichen",
    r"(?:ausländer|türken|polen|russen|araber|muslime|juden|schwarze|flüchtlinge|migranten|frauen|rentner)\w* wie"
    r" (?:sie|ihnen|du|dir|euch)",
    r"gehen sie (?:doch |lieber )?(?:zurück\s+)?(?:in ihr land|in ihre heimat|nach hause|dahin zurück|dorthin zurück"
    r"|zurück,? wo)|wo sie herkommen|zurück in ihr (?:land|heimatland)",
    r"(?:leute|kunden|käufer|menschen)n?\s+(?:aus|von)\s+ihrem\s+(?:land|volk)|aus ihrer (?:kultur|religion|heimat)"
    r"|ihr(?:e|em)? (?:volk|rasse)",
    r"weil sie (?:eine |ein )?(?:frau|ausländer\w*|türk\w*|muslim\w*|jud\w*|schwarz\w*|alt|behindert\w*|schwul"
    r"|lesbisch|pol\w*|russ\w*|arab\w*|migrant\w*|flüchtling) sind",
)

WORDING = wording_from(globals(), review=_de(REVIEW))
