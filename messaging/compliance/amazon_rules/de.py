"""The wording rules in German (sellers on amazon.de, and German messages to any marketplace).

The patterns are written with umlauts and ß and compiled by `_de`, which makes each match the folded
text's bare vowels and "ss" ("Lügner" is read as "lugner") and the ae/oe/ue spellings ("Luegner").
German puts the verb last and the negation after the noun ("Ein Aufpreis fällt nicht an"), so the
gaps between words skip no negation (`GAP`) and a charge is also settled by a negation after it.
"""

import re

from messaging.vocabulary.de import (
    CHANGE,
    COMPENSATION,
    GAP,
    GIFTS,
    MONEY,
    PERKS,
    PROFANE,
    PROFANE_DISGUISED,
    REVIEW,
    VALUE,
)

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
_PERK = _de(*PERKS)
_GIFT = _de(*GIFTS)
_COMPENSATION = _de(*COMPENSATION)
# "Die Erstattung ist erfolgt", "wir haben Ihnen den Betrag erstattet"
_MADE = _de(
    r"(?:ist|wurde|wurden|sind|war|waren)\s+(?:\w+\s+){0,3}?(?:erfolgt|erledigt|veranlasst|abgeschlossen|ausgeführt"
    r"|überwiesen|gutgeschrieben|erstattet|zurückerstattet|angewiesen|verschickt|versandt|raus)",
    r"(?:haben|hatten|habe)\s+(?:ihnen\s+)?(?:\w+\s+){0,4}?(?:erstattet|zurückerstattet|überwiesen|gutgeschrieben"
    r"|ersetzt|geschickt|gesendet|zurückgezahlt|veranlasst|angewiesen|erledigt|durchgeführt|ausgezahlt|vorgenommen)",
    r"erledigt|ist durch",
)
_DELETION = _de(
    r"lösch\w*|gelöscht|entfern\w*|zurückzu?ziehen|zurückgezogen|zurückzu?nehmen|zurückgenommen|ziehen|zieh|nehmen|nimm"
)
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
    rf"(?:wer|alle,? die|jede[rn]?,? d(?:er|ie))\s+{GAP}{{0,4}}?(?:bewertet|bewerten|rezensiert|rezensieren)",
    r"rezensent\w*|bewerter\w*",
    rf"(?:nach|bei|gegen|für)\s+(?:der\s+|die\s+)?(?:abgabe|veröffentlichung)\s+(?:einer|ihrer|der)\s+{GAP}{{0,2}}?{REVIEW}",
    rf"(?:positiv|gut|sehr gut|ausgezeichnet|hervorragend|top|toll|super|ehrlich)\w{{0,2}}[- ]{REVIEW}",
    _REMOVAL_ASK.pattern,
)
_POSITIVE = _de(
    rf"(?:positiv|gut|sehr gut|ausgezeichnet|hervorragend|top|toll|super|glänzend|best|bestmöglich|perfekt|spitze"
    rf"|volle?|höchste?|spitzen)\w{{0,2}}[- ]+{REVIEW}",
    r"(?:5|fünf|volle?n?)[- ]?sternen?\w*",
    r"5/5",
    r"bestnoten?|höchstnoten?|höchstbewertung\w*|top-?note\w*|spitzen(?:note|bewertung)\w*",
    r"(?:volle|maximale|höchste)\w* (?:punkt|stern|noten)zahl\w*",
    rf"(?:bewerten|bewertet)\s+(?:sie\s+)?(?:uns\s+)?{GAP}{{0,2}}?"
    r"(?:positiv|sehr gut|bestens|top|mit (?:5|fünf) sternen)",
)
# A top rating described rather than asked for: a test, a lab, a hotel, the energy label, the buyer's own.
_DESCRIBED = _de(
    r"\w*test\w*|labor\w*|hotel\w*|energie\w*|sicherheit\w*|zeitschrift\w*|magazin\w*|auszeichnung\w*"
    r"|ausgezeichnet mit|zertifiziert\w*|prüfsiegel\w*",
    r"sie haben (?:uns )?(?:\w+ )?(?:gegeben|vergeben|hinterlassen|geschrieben)|(?:gegeben|vergeben|hinterlassen"
    r"|geschrieben) (?:haben|hat)|danke\w* für ihre",
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
    r"|losgeschickt|rausgegangen|rausgeschickt|herausgegangen|abgeholt)"
)
_WHEN = (
    r"(?:soeben|gerade|eben|heute|bereits|schon|jetzt|nun|erfolgreich|vorhin|morgen|früh|vormittag|nachmittag"
    r"|am [\w.]+)"
)
_STATUS = _de(
    rf"ihre?\s+{_SHIPMENT}(?:\s+[\w-]+){{0,3}}?\s+(?:wurde|wurden|ist|sind|wird|werden)\s+"
    rf"(?:{_WHEN}\s+)*(?:(?:an|mit|per|von|bei)\s+(?:[\w-]+\s+){{1,3}}?)?(?:{_SENT}|unterwegs|auf dem weg|raus"
    r"|in bearbeitung|versandbereit)",
    rf"ihre?\s+{_SHIPMENT}(?:\s+[\w-]+){{0,3}}?\s+{_SENT}\s+(?:wurde|wurden|worden|ist|sind)",
    # the verb last, in a "dass" clause: "dass Ihr Paket bereits auf dem Weg ist"
    rf"ihre?\s+{_SHIPMENT}(?:\s+[\w-]+){{0,3}}?\s+(?:unterwegs|auf dem weg(?: zu ihnen)?|in bearbeitung"
    r"|versandbereit)\s+(?:ist|sind)",
    rf"wir haben ihre?n?\s+{_SHIPMENT}\s+(?:\w+\s+){{0,3}}?(?:erhalten|{_SENT})",
    rf"ihre?\s+{_SHIPMENT}(?:\s+[\w-]+){{0,3}}?\s+(?:hat|haben|verlässt|verlassen)\s+"
    rf"(?:{_WHEN}\s+)*(?:unser|das)\s+(?:lager|haus)(?:\s+verlassen)?",
    rf"ihre?\s+{_SHIPMENT}\s+(?:\w+\s+){{0,2}}?(?:unser|das)\s+(?:lager|haus)\s+verlassen",
)
# "Hiermit bestätigen wir Ihre Bestellung", "wir bestätigen den Eingang"
_NOTICE = _de(
    r"(?:hiermit|gerne) (?:bestätigen|informieren|teilen) wir",
    r"wir bestätigen (?:ihnen )?(?:hiermit )?(?:den eingang|ihre (?:bestellung|zahlung|lieferung)|den versand"
    r"|die bestellung)",
    r"(?:ihre|die) bestellung (?:ist|wurde) (?:hiermit |soeben |erfolgreich )?bestätigt",
    r"eingang ihrer (?:bestellung|zahlung)",
)
# What shows the message answers the buyer, so news of the order, even confirmed, is no notification.
_ANSWER = _de(
    r"(?:sie )?fragten|ihre\w* (?:frage|anfrage|nachricht|e-?mail|bitte)|auf ihre",
    r"wie (?:gewünscht|besprochen|versprochen|erbeten)",
    r"nachgesehen|nachgefragt|geprüft|nachgeforscht|nachforschung\w*",
    r"(?:vielen |herzlichen )?dank für (?:ihre )?(?:geduld|nachricht|rückmeldung|hinweis)",
)
# What shows the message sorts out a problem, so news of the order is no notification.
_TROUBLE = _de(
    r"leider|entschuldig\w*|tut uns leid|bedauer\w*|verspät\w*|verzöger\w*|verloren|fehlt|fehlend\w*|beschädigt\w*",
    r"kaputt|verwechs\w*|versehen|fehler|ersatz\w*|erneut|nochmal|noch einmal|neu verschickt|erstatt\w*|rücksend\w*",
    r"retour\w*|storn\w*|umtausch\w*",
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
_KONTO = r"(?:ihr|ihren)\s+(?:amazon-?|kunden)?(?:konto|account|käuferkonto|kundenkonto|amazon-konto)"
_GESPERRT = r"(?:gesperrt|geschlossen|gelöscht|deaktiviert|eingeschränkt|gekündigt)"
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
    rf"lassen (?:wir|ich) {_KONTO}\s+{GAP}{{0,2}}?(?:sperren|schließen|löschen)",
    r"(?:das|sie) werden (?:es |sie )?(?:noch )?bereuen|sie werden es (?:noch )?bereuen"
    r"|das wird (?:ernste |rechtliche )?(?:konsequenzen|folgen) haben|das hat (?:ernste |rechtliche )?(?:konsequenzen"
    r"|folgen)",
    r"wir wissen,? wo sie wohnen",
    r"inkasso\w*|forderungsmanagement|schufa",
    r"sonst (?:passiert was|passiert etwas|gibt es ärger|knallt es|setzt es was|gibt's ärger)",
    # the account reported or closed, the name published, a blacklist, consequences
    rf"(?:melden|sperren|schließen|löschen)\w*\s+(?:wir|ich|lassen wir)\s+{_KONTO}",
    rf"{_KONTO}\s+(?:bei amazon\s+)?(?:wird|werden|würde|kann|könnte|muss)\s+{GAP}{{0,3}}?{_GESPERRT}",
    rf"(?:dass|damit)\s+{_KONTO}\s+{GAP}{{0,2}}?{_GESPERRT}",
    rf"veröffentlich\w*\s+(?:wir|ich)?\s*{GAP}{{0,2}}?ihren (?:vollen |vollständigen )?namen",
    rf"ihren namen\s+{GAP}{{0,4}}?(?:veröffentlich\w*|öffentlich machen|posten|nennen)",
    r"schwarze\w* liste|blacklist\w*|andere\w* (?:händler|verkäufer)\w* (?:informieren|warnen|wissen lassen)",
    r"(?:wird|werden|hat|haben)\s+(?:für sie\s+)?(?:ernste\w* |rechtliche\w* |unangenehme\w* )?(?:konsequenzen"
    r"|folgen)(?:\s+haben)?",
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

# --- disparaging others, false claims --------------------------------------------------

_SELLERS = (
    r"(?:andere[nmrs]?|die anderen|übrige[nmrs]?|konkurrierende[nmrs]?|billige[nmrs]?)\s+(?:\w+\s+)?(?:händler\w*"
    r"|verkäufer\w*|anbieter\w*|shops?|marken?|hersteller\w*)|konkurren\w*|mitbewerber\w*|wettbewerber\w*"
)
_RIVALS = rf"(?:{_SELLERS})|amazon[\w-]*"
_RUN_DOWN = (
    r"fälschung\w*|gefälscht\w*|fake\w*|plagiat\w*|nachahmung\w*|billigkopie\w*|schrott\w*|ramsch|müll|betrüger\w*"
    r"|betrug\w*|abzocke\w*|abzocker\w*|diebe|unfähig\w*|inkompetent\w*|nachlässig\w*|schlampig\w*|katastroph\w*"
    r"|ein witz|gekaufte\w* (?:bewertung|rezension)\w*|bezahlte\w* (?:bewertung|rezension)\w*|egal|minderwertig\w*"
    r"|unzuverlässig\w*|lügner\w*|verlier\w* (?:ständig |dauernd |immer )?pakete|werfen (?:die )?pakete"
)
# Products run down before the sellers they are pinned on.
_FAKES = r"fälschung\w*|gefälscht\w*|fake\w*|plagiat\w*|nachahmung\w*|billigkopie\w*|schrott\w*|ramsch|müll"
_DISPARAGEMENT = _de(
    rf"(?:{_RIVALS})[^.!?\n]{{0,60}}?(?<!\w)(?:{_RUN_DOWN})",
    rf"(?:{_FAKES})[^.!?\n]{{0,30}}?(?<!\w)(?:{_SELLERS})",
    r"kaufen sie (?:bloß |bitte |lieber )?nicht (?:bei|von) (?!uns\b|mir\b|amazon\b)[a-z]\w*",
)
_REVIEWISH = rf"(?:{REVIEW}|bewerten|bewertet|rezensieren|zu bewerten)"
_OBLIGED = _de(
    rf"(?:(?:sie|käufer\w*|kunden|jeder)\s+{GAP}{{0,2}}?(?:müssen|müssten|sollen|sind (?:\w+ )?verpflichtet"
    r"|haben (?:\w+ )?die pflicht)|(?:müssen|müssten|sollen|sollten) (?:sie|käufer\w*|kunden)"
    r"|(?:verlangt|fordert|erwartet|verpflichtet|zwingt)\w*,?\s+(?:\w+\s+){0,2}?"
    r"(?:dass (?:sie|käufer\w*|kunden)|von ihnen|sie|käufer\w*|kunden)"
    r"|(?:sind|wären|seien) (?:sie|käufer\w*|kunden) (?:\w+ )?(?:dazu )?verpflichtet"
    r"|schreibt (?:\w+ ){0,2}?vor|vorgeschrieben|pflicht|verpflichtend|obligatorisch|berechnet ihnen)"
    rf"(?!\w)[^.!?\n]{{0,60}}?(?<!\w){_REVIEWISH}",
)

WORDING = wording_from(globals(), review=_de(REVIEW))
