"""The wording rules in Italian (sellers on amazon.it, and Italian messages to any marketplace).

The patterns are written with their accents and compiled by `words`, so "novità" also matches the
folded and the unaccented spelling ("e'" for "è" aside). Italian negates before the verb ("non dovrà
pagare nulla") and after a charge ("le spese non sono a suo carico", "sono a nostro carico"), so the
gaps between words skip no negation (`_GAP`) and a charge is also settled by what follows it. "Con" is
"with", "fine" is "end", "caro" is "dear" and "mente" is "mind": none of them is a word these rules look for.
"""

from messaging.vocabulary.it import (
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

# One word and the space after it, that is not a negation ("non dovrà pagare nulla").
_GAP = r"(?:(?!(?:non|senza|nessun\w*|mai|nulla|niente|né)\b)[\w'-]+\s+)"
_BAD = r"(?:negativ\w*|cattiv\w*|sfavorevol\w*|critic\w*|neutr\w*|[1-3] stelle|una stella)"

# --- reviews and feedback ----------------------------------------------------------

_INCENTIVE = words(*VALUE)
_PERK = words(*PERKS)
_GIFT = words(*GIFTS)
_COMPENSATION = words(*COMPENSATION)
# "Il rimborso è stato effettuato", "abbiamo rimborsato"
_MADE = words(
    r"(?:è stat[oa]|sono stat[ie]|è|e')\s+(?:\w+\s+)?(?:effettuat[oaie]|rimborsat[oaie]|inviat[oaie]|completat[oaie]"
    r"|elaborat[oaie]|accreditat[oaie]|fatt[oaie]|emess[oaie])",
    r"(?:abbiamo|ho)\s+(?:\w+\s+){0,3}?(?:rimborsato|effettuato|inviato|restituito|accreditato|sostituito)",
)
_DELETION = words(r"rimuov\w*|rimoss\w*|elimin\w*|cancell\w*|togli\w*|ritir\w*")
_REMOVAL_ASK = words(
    # "rimuovere il suo feedback negativo", "modifichi la recensione"
    rf"{CHANGE}\s+{_GAP}{{0,2}}?(?:il|la|lo|i|le|suo|sua|suoi|questo|questa|quel|quella)\s+{_GAP}{{0,1}}?{REVIEW}",
    rf"{CHANGE}\s+l'{REVIEW}",
    rf"{REVIEW}\s+{_GAP}{{0,4}}?{CHANGE}",
)
_WRITE = r"(?:lasci\w*|scriv\w*|pubblic\w*|dar\w*|dia|ci dia|condivid\w*|mett\w*|assegn\w*|rilasci\w*|invi\w*)"
_REVIEW_ASK = words(
    rf"{_WRITE}\s+{_GAP}{{0,4}}?{REVIEW}",
    r"valutarci|ci valuti|recensirci|recensire|ci recensisca",
    rf"(?:in cambio di|per|dopo|a fronte di|contro)\s+(?:una|un|ogni|la sua|la|aver lasciato|averci lasciato|lasciare)"
    rf"\s+{_GAP}{{0,2}}?{REVIEW}",
    rf"(?:non appena|una volta che|quando|se)\s+{_GAP}{{0,5}}?{REVIEW}",
    rf"{REVIEW}\s+(?:positiv\w*|favorevol\w*|ottim\w*|eccellent\w*|onest\w*|sincer\w*|a (?:5|cinque) stelle)",
    _REMOVAL_ASK.pattern,
)
_POSITIVE = words(
    rf"{REVIEW}\s+(?:molto\s+)?(?:positiv\w*|favorevol\w*|ottim\w*|eccellent\w*|perfett\w*|a (?:5|cinque) stelle)",
    r"(?:buona|ottima|bella|eccellente|migliore|splendida)\s+(?:recensione|valutazione|opinione|giudizio)",
    r"(?:5|cinque)\s?stelle",
    r"5/5|5 su 5|il massimo dei voti|(?:il )?(?:voto|punteggio) massimo",
)
# A top rating described rather than asked for: a test, a lab, a hotel, the energy label, the buyer's own.
_DESCRIBED = words(
    r"test\w*|prova\w*|laboratori\w*|hotel\w*|energetic\w*|sicurezza|rivista\w*|certificat\w*|premiat\w*",
    r"(?:ci )?(?:ha|aveva) (?:dato|lasciato|messo|assegnato)|grazie per la sua",
)
_ASK = words(
    r"per favore|per cortesia|la preghiamo|ti preghiamo|ci farebbe piacere|le saremmo grat\w*|saremmo grat\w*"
    r"|gradiremmo|potrebbe|potresti|può|puoi|vorrebbe|non esiti|non dimentichi|non dimenticare|speriamo|spero"
    r"|contiamo su|ci aiuterebbe|la invitiamo|ti invitiamo|lasci|ci lasci|lasciaci|sarebbe",
)
_THANKS_FOR = words(r"^\W*(?:[\w,]+\s+){0,3}?(?:grazie(?: mille)?|la ringraziamo)\s+(?:per|di)\b(?!.*\bin anticipo\b)")
_SELECTIVE = words(
    rf"se\s+(?:è|e'|lei è|sei)\s+{_GAP}{{0,2}}?(?:soddisfatt|content|felice)\w*",
    rf"se\s+{_GAP}{{0,3}}?(?:le|ti)\s+(?:piace|è piaciut\w*|e' piaciut\w*|ha soddisfatt\w*|ha convint\w*)",
    r"(?:clienti|acquirenti|cliente) (?:soddisfatt|content)\w*",
)
_DIVERT = words(
    rf"prima di\s+{_GAP}{{0,4}}?{REVIEW}",
    r"prima di valutarci|prima di recensirci",
    rf"(?:invece|anziché) di\s+{_GAP}{{0,3}}?{REVIEW}",
    rf"non\s+(?:ci\s+)?(?:lasci|scriva|metta|pubblichi|lasciare|scrivere)\s+(?:una\s+|un\s+|nessuna\s+)?"
    rf"(?:{REVIEW}\s+)?{_BAD}",
    rf"evit(?:i|are)\s+(?:di\s+\w+\s+)?{_GAP}{{0,2}}?{REVIEW}\s+{_BAD}",
)

# --- off Amazon, promotion, payment --------------------------------------------------

_OFF_AMAZON = words(
    r"(?:il nostro|la nostra|i nostri|le nostre|il mio|la mia|nostro|nostra)\s+"
    r"(?:sito(?:\s+(?:web|internet|ufficiale))?|negozio (?:online|fisico|web|ufficiale)|e-?shop|shop online"
    r"|pagina facebook|profilo \w+|social)"
    r"(?! (?:su |di )?amazon)",
    r"fuori da amazon|al di fuori di amazon|senza passare (?:da|per) amazon",
    rf"(?:acquist|ordin|compr)\w*\s+{_GAP}{{0,3}}?direttamente\s+(?:da|presso)\s+(?:noi|me)",
    r"(?:ci segua|seguiteci|seguici|ci contatti|contattateci|contattaci|ci scriva|scriveteci|ci cerchi)\s+(?:anche\s+"
    r"|direttamente\s+)?(?:su|via|tramite|per|al|a)\s+(?!amazon|questa|questo|la messaggistica|il sistema)[a-z]\w*",
    r"(?:ci invii|ci mandi|ci dia|ci comunichi|ci lasci|mi invii|mi mandi|mi dia)\s+(?:il suo|il tuo|la sua)\s+"
    r"(?:numero(?: di (?:telefono|cellulare|whatsapp)|(?! (?:di|della|del) (?:carta|conto)| d'ordine))"
    r"|cellulare|telefono|indirizzo (?:e-?mail|di posta)|e-?mail|whatsapp"
    r"|contatto)",
    r"la chiameremo|la richiameremo|ci chiami|chiamateci|chiamaci",
)
_PROMOTION = words(
    r"(?:scopra|scopri|visiti|visita|guardi|esplori|dia un'occhiata a(?:i|lle|l)?|dai un'occhiata a(?:i|lle|l)?)\s+"
    r"(?:anche\s+)?(?:tutti\s+|tutte\s+)?(?:i nostri|le nostre|il nostro|la nostra|nostri|nostre)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:altri|altre|nuov\w*|prodotti|articoli|collezion\w*|catalogo|negozio|offerte|novità|gamma|promozioni)",
    r"offert[ae] (?:special[ei]|esclusiv[ae]|limitat[ae])|promozion[ei] esclusiv[ae]",
    r"per un tempo limitato|fino ad esaurimento (?:scorte)?|solo per pochi giorni",
    rf"(?:\d+\s?%|sconto|codice \w+|spedizione gratuita)\s+{_GAP}{{0,3}}?(?:sul|sulla|sui|sulle|per il|per la)\s+"
    r"(?:suo\s+|sua\s+|tuo\s+|tua\s+)?(?:prossim\w*|futur\w*|successiv\w*)\s+(?:acquist[oi]|ordin[ei])",
    r"si iscriva|iscriviti|si abboni",
    r"novità|nuova collezione",
)
_PAY = (
    r"(?:pagare|pagarci|paghi|versare|versarci|versi|bonificare|bonificarci|effettuare un bonifico|saldare|saldi"
    r"|integrare|integri)"
)
_EXTRA_PAYMENT = words(
    rf"{_PAY}\s+{_GAP}{{0,3}}?(?:la differenza|il resto|un supplemento|il supplemento|l'importo|la somma|le spese"
    r"|una maggiorazione|\d|€)",
    r"(?:il nostro|il mio)\s+(?:iban|conto corrente|conto bancario)|le nostre coordinate bancarie",
    r"(?:tramite|con|via|mediante)\s+(?:bonifico|ricarica postepay|postepay)|postepay",
    r"(?:pagamento|versamento) (?:aggiuntiv\w*|supplementar\w*|extra) di\s+\d",
)
_EXTRA_CHARGE = words(
    r"(?:spese|costi|costo|importo|tariffa|tariffe)\s+(?:di\s+\w+\s+)?(?:aggiuntiv\w*|extra|supplementar\w*)",
    r"supplement[oi]|sovrapprezzo|maggiorazion[ei]|dazi doganali|spese doganali|differenza di prezzo",
    r"bonifico",
    rf"{MONEY}\s+(?:in più|aggiuntiv\w*|extra)",
)
_PAYER = words(
    r"deve|dovrà|dovrebbe|è tenut\w*|le chiediamo|la preghiamo|per favore|a suo carico|a carico dell'acquirente"
    r"|a carico del cliente|da pagare|da versare|(?:le )?verrà addebitat\w*|addebiteremo|sarà addebitat\w*|paghi"
    r"|versi|si applica\w*|si aggiung\w*",
)
_SETTLED = words(
    r"non",
    r"gratuit\w*|gratis|a (?:nostro|nostre) (?:carico|spese)|a carico nostro|inclus\w*|compres[oaie]|rimborsat\w*"
    r"|offert[oaie]",
)
_CARD_DATA = (
    r"(?:numero (?:della|di|del) (?:carta|conto)|carta di credito|codice (?:cvv|cvc|di sicurezza|pin)|cvv|cvc|pin"
    r"|password|dati bancari|coordinate bancarie|iban)"
)
_CARD_REQUEST = words(
    r"(?:ci invii|ci mandi|ci comunichi|ci fornisca|ci dia|ci indichi|mi invii|mi comunichi)\s+(?:il suo|i suoi"
    rf"|la sua|le sue)\s+(?:\w+\s+)?{_CARD_DATA}",
    r"(?:ci invii|ci mandi|ci comunichi|ci fornisca|ci dia|ci indichi|mi invii|mi comunichi)\s+(?:il numero|i dati"
    r"|il codice|il pin)\s+(?:della sua|del suo|della|del)\s+(?:carta|conto|bancomat)",
)

# --- order and shipping confirmations ------------------------------------------------

_SHIPMENT = r"(?:ordine|pacco|articolo|acquisto|spedizione|merce|prodotto)"
_SENT = (
    r"(?:spedit[oa]|inviat[oa]|confermat[oa]|affidat[oa] al corriere|consegnat[oa] al corriere|preparat[oa]"
    r"|elaborat[oa]|partit[oa]|pres[oa] in carico|in viaggio|in arrivo)"
)
_STATUS = words(
    rf"(?:il suo|la sua|il tuo|la tua)\s+{_SHIPMENT}(?:\s+[\w-]+){{0,2}}?\s+(?:è stat[oa]|è|e' stat[oa]|e')\s+"
    rf"(?:(?:già|oggi|appena|correttamente)\s+)*{_SENT}",
    rf"abbiamo (?:appena )?(?:ricevuto|spedito|inviato) (?:correttamente )?(?:il suo|la sua|il tuo|la tua) {_SHIPMENT}",
    rf"(?:il suo|la sua)\s+{_SHIPMENT}\s+ha lasciato il nostro magazzino",
)
# "Le confermiamo di aver ricevuto il suo ordine"
_NOTICE = words(
    r"(?:le|ti) confermiamo (?:di aver ricevuto|che (?:abbiamo ricevuto|il suo ordine|il tuo ordine)|la ricezione"
    r"|la spedizione|il suo ordine|il tuo ordine)",
    r"(?:il suo|il tuo) (?:ordine|acquisto) (?:è stato|è) confermato",
    r"(?:questo|il presente) (?:messaggio|e-?mail) (?:le )?conferma",
)
# What shows the message answers the buyer, so news of the order, even confirmed, is no notification.
_ANSWER = words(
    r"(?:sua|tua) (?:domanda|richiesta)|(?:suo|tuo) messaggio|come (?:da lei )?richiesto|in risposta|abbiamo verificato"
    r"|abbiamo controllato",
)
# What shows the message sorts out a problem, so news of the order is no notification.
_TROUBLE = words(
    r"scus\w*|ci dispiace|purtroppo|ritardo\w*|smarrit\w*|mancant\w*|danneggiat\w*|rott[oaie]|errore|sostituzion\w*"
    r"|sostitu\w*|rispedit\w*|rispedi\w*|di nuovo|rimbors\w*|reso|annull\w*|cambio",
)
# A header line ("Conferma di spedizione: ...", "Oggetto: Conferma dell'ordine").
_CONFIRMATION_HEADER = words(
    r"(?:conferma|avviso|notifica) (?:d'|dell'|di |della |del )(?:ordine|spedizione|acquisto|consegna)"
    r"(?=\s*(?:[:\n-]|$))",
)

# --- profanity, insults, liar, threats, discrimination --------------------------------

_PROFANITY = words(*PROFANE, *map(leet, PROFANE_DISGUISED))
_INSULT = words(
    r"idiot[ai]|imbecill\w*|cretin\w*|deficient[ei]|scem[oaie]|stupid[oaie]|pagliacci?o?|ignorantone",
    rf"(?:lei è|è lei|sei)\s+{_GAP}{{0,2}}?(?:un |una |un')?(?:incompetente|ignorante|ridicol\w*|incapace|maleducat\w*"
    r"|pagliaccio|arrogante|insopportabile)",
    r"non sa leggere|sa leggere|è ciec[oa]",
    r"stia zitt[oa]|stai zitt[oa]|taccia|si vergogni|vergognatevi",
)
_LIAR = words(
    r"bugiard\w*",
    r"(?:lei|tu) (?:ci )?ment(?:e|i)|ci (?:ha|hai) mentito|sta mentendo|stai mentendo",
    r"(?:è|e'|era)\s+(?:una |pura |un )?(?:bugia|menzogna|falso|inventat[oa]|truffa|frode)",
    r"bugie|menzogn\w*|truffator\w*|ladr[oiae]|imbroglion\w*",
    rf"(?:cerca|vuole|prova|sta cercando)\s+(?:di\s+)?{_GAP}{{0,1}}?(?:truffarci|fregarci|imbrogliarci|derubarci"
    r"|ingannarci)",
    r"non le crediamo|disonest\w*",
)
_THREAT = words(
    r"azion[ei] legal[ei]|vie legali|(?:il nostro|i nostri|il mio) avvocat\w*|in tribunale|(?:le )?faremo causa",
    r"la denunce(?:remo|iamo)|la denunciamo|denuncia contro di lei|sporgeremo (?:denuncia|querela)|la querele\w*",
    r"se ne pentirà|te ne pentirai|lo rimpiangerà",
    r"(?:la|ti)\s+segnaleremo|bloccare il suo account",
    r"recupero crediti|agenzi[ae] di recupero",
    rf"(?:il suo|il tuo) account (?:amazon |cliente )?(?:verrà|sarà|verrebbe|sarebbe|potrebbe essere|può essere)\s+"
    rf"{_GAP}{{0,1}}?(?:bloccat[oa]|sospes[oa]|chius[oa]|eliminat[oa]|disattivat[oa])",
    r"(?:faremo|farò) (?:chiudere|bloccare|sospendere) (?:il suo|il tuo) account",
    rf"(?:pubblicare|pubblicheremo|pubblichiamo|diffondere|diffonderemo)\s+{_GAP}{{0,2}}?(?:il suo|il tuo) (?:nome"
    r"|indirizzo|identità|foto)",
    r"lista nera|(?:avvisare|avviseremo|informare|informeremo) gli altri venditori",
    r"conseguenze per lei",
)
_DISCRIMINATION = words(
    r"terron[ei]|froci[oi]?|negr[oaie] di merda|zingar\w* di merda|ebreo di merda",
    r"(?:la )?gente come lei|quelli come lei|(?:voi|quelli) del (?:suo|vostro) paese",
    r"torni al suo paese|torni da dove è venut\w*|torna al tuo paese",
    r"perché (?:lei )?è (?:una donna|stranier\w*|ner[oa]|ebre[oa]|musulman\w*|vecchi[oa]|gay)",
)

# --- disparaging others, false claims --------------------------------------------------

_SELLERS = (
    r"(?:gli |le )?altri (?:venditori|negozi|marchi|rivenditori)|(?:i nostri |nostri )?concorrent\w*|la concorrenza"
)
_RIVALS = rf"(?:{_SELLERS})|amazon\w*"
_RUN_DOWN = (
    r"contraffa\w*|imitazion\w*|copie|scadent\w*|spazzatura|robaccia|truff\w*|ladri|incapac\w*|inutil\w*|incompetent\w*"
    r"|un disastro|una barzelletta|recensioni (?:comprate|false|pagate)|non gliene importa|se ne fregano|bugiard\w*"
)
# Products run down before the sellers they are pinned on.
_FAKES = r"contraffa\w*|imitazion\w*|copie|spazzatura|robaccia"
_DISPARAGEMENT = words(
    rf"(?:{_RIVALS})[^.!?\n]{{0,60}}?(?<!\w)(?:{_RUN_DOWN})",
    rf"(?:{_FAKES})[^.!?\n]{{0,30}}?(?<!\w)(?:{_SELLERS})",
)
_REVIEWISH = rf"(?:{REVIEW}|valutare|recensire|votare)"
_OBLIGED = words(
    r"(?:(?:la|le|ti|li) obbliga|(?:lei )?(?:deve|dovrà|è obbligat[oa]|è tenut[oa])|(?:gli )?acquirenti (?:devono"
    r"|sono obbligati|sono tenuti)|richiede che|esige che|obbligatori\w*|impone)"
    rf"(?!\w)[^.!?\n]{{0,60}}?(?<!\w){_REVIEWISH}",
)

WORDING = wording_from(globals(), review=words(REVIEW))
