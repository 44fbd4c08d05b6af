# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""Italian messages, as sellers on amazon.it write to their buyers; the Italian rules are tuned to these.

The must-pass messages hold the Italian look-alikes: negated charges ("senza costi aggiuntivi", "non
dovrà pagare nulla"), refunds with no feedback in sight, "con" (with), "fine" (end), "caro" (dear) and
"mente" (mind), numeri di tracciamento and d'ordine, and neutral review requests.
"""

from functools import partial

from .item import BLOCK, IT, PASS, Labelled

_it = partial(Labelled, language=IT)

MESSAGES: list[Labelled] = [
    # --- must be refused ---------------------------------------------------------------
    _it(
        BLOCK,
        "Per ogni recensione a 5 stelle le regaliamo un buono sconto di 10 €.",
        "incentive: voucher for five stars",
    ),
    _it(
        BLOCK, "Ci lasci una recensione e riceverà un codice sconto del 20 %.", "incentive: discount code for a review"
    ),
    _it(
        BLOCK,
        "Le offriamo un rimborso parziale in cambio di una recensione su Amazon.",
        "incentive: partial refund in return",
    ),
    _it(BLOCK, "Se scrive la sua opinione sul prodotto, le spediamo un regalo a sorpresa.", "incentive: a gift"),
    _it(
        BLOCK,
        "Le abbiamo già rimborsato tutto. Potrebbe cancellare la sua valutazione a una stella?",
        "removal ask with a refund",
    ),
    _it(BLOCK, "Le facciamo uno sconto di 5 € se modifica il suo commento negativo.", "removal ask with a discount"),
    _it(BLOCK, "Ci aiuterebbe tantissimo se ci lasciasse 5 stelle.", "positive review asked for"),
    _it(BLOCK, "Se è soddisfatto dell'acquisto, per favore lasci una recensione.", "review only from satisfied buyers"),
    _it(BLOCK, "In caso di problemi, ci scriva prima di lasciare una recensione negativa.", "diverting unhappy buyers"),
    _it(BLOCK, "Troverà altri modelli e prezzi migliori sul nostro sito web.", "off-Amazon: our website"),
    _it(BLOCK, "Ci segua su Instagram per scoprire le nostre offerte esclusive.", "off-Amazon channel and promotion"),
    _it(
        BLOCK,
        "Approfitti del 15 % di sconto sul prossimo ordine con il codice GRAZIE15.",
        "promotion: discount on the next order",
    ),
    _it(
        BLOCK,
        "Per la consegna express deve versare la differenza di 6 € con una ricarica Postepay.",
        "extra payment outside Amazon",
    ),
    _it(BLOCK, "Conferma di spedizione: il suo ordine è stato spedito oggi con GLS.", "shipping confirmation header"),
    _it(BLOCK, "Buone notizie! Il suo pacco è stato spedito stamattina.", "shipping notice"),
    _it(BLOCK, "Lei è un bugiardo, il corriere ha la foto della consegna.", "liar"),
    _it(BLOCK, "Siamo stufi di queste lamentele del cazzo.", "profanity"),
    _it(BLOCK, "Lei è proprio un incompetente, legga le istruzioni.", "insult"),
    _it(BLOCK, "Se non ritira il reclamo, procederemo per vie legali.", "threat"),
    _it(BLOCK, "La gente come lei non dovrebbe comprare online.", "discrimination"),
    _it(BLOCK, "Ci invii il suo numero di cellulare così la chiamiamo noi.", "asks for the buyer's phone number"),
    _it(BLOCK, "Non è altro che un bugiardo.", "liar: 'non è altro che' is no negation"),
    # --- must pass ---------------------------------------------------------------------
    _it(
        PASS,
        "Buongiorno, le abbiamo rimborsato 24,95 € oggi. Lo vedrà sul conto entro 3-5 giorni lavorativi.",
        "refund, no feedback",
    ),
    _it(PASS, "Le inviamo un articolo sostitutivo senza costi aggiuntivi.", "negated extra charge"),
    _it(PASS, "Non dovrà pagare nulla per il reso, l'etichetta è prepagata.", "negated payment"),
    _it(PASS, "Le spese di spedizione aggiuntive sono a nostro carico.", "charge settled after the noun"),
    _it(PASS, "Non le verrà addebitato nessun supplemento per la consegna in Sardegna.", "negated surcharge"),
    _it(
        PASS,
        "Il numero di tracciamento è 3UW1AB23456789 e l'ordine 408-1234567-7654321 arriva domani.",
        "tracking number and order id",
    ),
    _it(PASS, "Caro cliente, il pacco è partito con un giorno di ritardo, ci scusiamo.", "'caro' is 'dear'"),
    _it(
        PASS,
        "Il cuscino è in offerta fino alla fine del mese su Amazon, con la stessa fodera.",
        "'fine' is 'end', 'con' is 'with'",
    ),
    _it(PASS, "Tenga a mente che il caricatore va collegato per 4 ore la prima volta.", "'mente' is 'mind'"),
    _it(PASS, "Grazie per il suo ordine! Sulla sua domanda: la fodera si lava a 30 °C.", "thanks then a real answer"),
    _it(
        PASS, "Grazie mille per la sua recensione a 5 stelle, ci fa molto piacere.", "thanks for a review already left"
    ),
    _it(PASS, "Se lo desidera, può lasciare una recensione sulla pagina del prodotto.", "neutral review request"),
    _it(PASS, "Può restituire l'articolo gratuitamente entro 30 giorni dal suo account Amazon.", "free return"),
    _it(PASS, "Il rimborso verrà effettuato non appena riceveremo il pacco reso.", "refund on return"),
    _it(PASS, "Le offriamo uno sconto di 5 € per il disagio del ritardo.", "compensation without any review"),
    _it(PASS, "Non esiti a scriverci tramite la messaggistica di Amazon se ha domande.", "non esiti, Amazon messaging"),
    _it(PASS, "Il prodotto viene spedito senza batterie.", "product answer with 'senza'"),
    _it(PASS, "Potrebbe inviarci una foto dell'etichetta del pacco?", "asks for a photo"),
    _it(PASS, "Non le chiederemo mai di pagare fuori da Amazon.", "negated payment request"),
    _it(
        PASS,
        "Il cavo è lungo 2 metri e il caricatore è compatibile con qualsiasi cellulare recente.",
        "'cellulare' in a product answer",
    ),
    _it(
        PASS,
        "Lo sconto che ha visto è stato applicato automaticamente al pagamento su Amazon.",
        "a discount already applied, no review",
    ),
    _it(
        PASS,
        "Ci dispiace: l'articolo è esaurito, quindi le abbiamo rimborsato l'importo.",
        "refund for an out-of-stock item",
    ),
    _it(PASS, "Il modello misura 40 cm di altezza e pesa 1,2 kg.", "product dimensions"),
    _it(PASS, "Ha ricevuto il pacco sostitutivo? Ci faccia sapere se è tutto a posto.", "follow-up question"),
    _it(PASS, "La garanzia copre i difetti di fabbricazione per due anni.", "warranty answer"),
    _it(PASS, "Abbiamo ricevuto il suo reso e il rimborso è in lavorazione.", "return received, refund under way"),
    _it(PASS, "Il corriere passerà tra le 9:00 e le 13:00.", "delivery time window"),
    _it(PASS, "Nessun problema, le rispediamo il pezzo mancante questa settimana.", "nessun problema"),
    _it(PASS, "Le istruzioni in italiano sono nella scatola, sotto il vassoio.", "where the manual is"),
    _it(
        PASS,
        "Il suo pacco è fermo in filiale; abbiamo aperto una segnalazione con il corriere.",
        "status of a problem, not a notice",
    ),
    _it(
        PASS,
        "Ci dispiace molto che il prodotto sia arrivato danneggiato, gliene spediamo uno nuovo oggi.",
        "replacement, no feedback",
    ),
]
