# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""The guard's blind spots, one category at a time (see `item.CATEGORIES`), in every language the product
reads: the forbidden messages of the kind in many phrasings, registers and lengths, and the legitimate
ones that share their words (hard negatives). The rules were tuned to these; `categories_holdout` holds
the batch written before that and never tuned to.

First scores, before any rule was changed for them: per category and language, the messages to block
that the checker caught, then the messages to pass that it blocked.
- rating_ask: en 7/13, 0/7; de 4/6, 0/4; fr 2/3, 0/1; es 1/3, 0/1; it 1/3, 0/1
- perk: en 3/13, 0/6; de 2/6, 0/3; fr 1/3, 0/1; es 0/3, 0/1; it 0/3, 0/1
- confirmation: en 0/13, 1/7; de 0/6, 0/4; fr 0/3, 0/1; es 1/3, 0/1; it 0/3, 0/1
- coercion: en 1/13, 0/7; de 1/6, 0/3; fr 1/3, 1/1; es 0/3, 0/1; it 0/3, 0/1
- disparagement: en 2/13, 0/7; de 1/6, 0/3; fr 0/3, 0/1; es 0/3, 0/1; it 0/3, 0/1
- must_pass: false blocks en 1/14, de 1/8, fr 1/3, es 1/3, it 1/3
Over all 237 messages: 28 of 140 to block caught (0.200), 7 of 97 to pass blocked (0.072).
After the rules were changed, every message here is right, in every category and language: see
bench/compliance.py. At the end, two later blocks: look-alikes written after the holdout's first run
showed its general gaps, and probes written outside these sets afterwards that the rules then missed.
"""

from .item import (
    BLOCK,
    COERCION,
    CONFIRMATION,
    DE,
    DEV,
    DISPARAGEMENT,
    EN,
    ES,
    FR,
    IT,
    MUST_PASS,
    PASS,
    PERK,
    RATING,
    Labelled,
)


def _category(category: str):
    def item(language: str, label: str, text: str, note: str) -> Labelled:
        return Labelled(label, text, note, language=language, split=DEV, category=category)

    return item


_rating, _perk, _confirmation = _category(RATING), _category(PERK), _category(CONFIRMATION)
_coercion, _disparagement, _must_pass = _category(COERCION), _category(DISPARAGEMENT), _category(MUST_PASS)

MESSAGES: list[Labelled] = [
    # --- asking for a particular rating or a positive review ---------------------------------
    _rating(EN, BLOCK, "Five stars would really help a small business like ours.", "a particular rating, no 'please'"),
    _rating(
        EN,
        BLOCK,
        "Hi Dana, thanks again for your order! If you could spare a minute to leave us 5 stars, we'd be so grateful.",
        "5 stars, politely",
    ),
    _rating(
        EN,
        BLOCK,
        "We're a family business and every 5-star review makes a huge difference to us.",
        "5-star reviews 'make a difference'",
    ),
    _rating(EN, BLOCK, "A positive review from you would mean the world to our little team.", "positive review"),
    _rating(EN, BLOCK, "Could you rate us 5/5? It really helps us compete with the big brands.", "5/5"),
    _rating(
        EN,
        BLOCK,
        "We'd love to earn your five-star rating — just click the fifth star when you review.",
        "the fifth star",
    ),
    _rating(EN, BLOCK, "Top marks on your feedback would make our day!", "top marks"),
    _rating(
        EN,
        BLOCK,
        "Hope the kettle is working well! We'd really appreciate it if you rated your experience as excellent.",
        "rate it excellent",
    ),
    _rating(EN, BLOCK, "Kindly consider leaving a glowing review for our shop.", "glowing review"),
    _rating(
        EN,
        BLOCK,
        "Our goal is a 100% positive rating this year, and your feedback can help us get there.",
        "a positive rating as a goal",
    ),
    _rating(
        EN,
        BLOCK,
        "Please, only five-star feedback keeps small sellers like us alive on Amazon.",
        "only five stars keep us alive",
    ),
    _rating(
        EN,
        BLOCK,
        "If everything arrived fine, a 5-star review is the best way to say thanks!",
        "5 stars if all is fine",
    ),
    _rating(EN, BLOCK, "Mind giving us a thumbs up with five stars?", "a question"),
    _rating(
        EN,
        PASS,
        "This model has a five-star energy rating, so running it overnight costs very little.",
        "five-star energy rating of the product",
    ),
    _rating(
        EN,
        PASS,
        "Thank you for the five-star review you left last week, it made our day.",
        "thanks for a review already left",
    ),
    _rating(
        EN,
        PASS,
        "Whenever you have a moment, we'd welcome your honest review, whatever your experience was.",
        "neutral review request",
    ),
    _rating(
        EN,
        PASS,
        "Your rating of 2 stars mentions a scratched lid; we've sent a new lid today.",
        "the buyer's rating named",
    ),
    _rating(EN, PASS, "The positive and negative wires are colour-coded red and black.", "'positive' wire"),
    _rating(
        EN,
        PASS,
        "Our chef's knives got top marks from a consumer magazine in 2023, so a bent tip is unusual; we'll replace it.",
        "top marks from a magazine",
    ),
    _rating(
        EN, PASS, "Reviews can be left from Your Orders at any time; there's no need to rush.", "where reviews are left"
    ),
    _rating(
        DE, BLOCK, "Fünf Sterne würden uns als kleinem Familienbetrieb wirklich sehr helfen.", "five stars would help"
    ),
    _rating(DE, BLOCK, "Wir würden uns riesig über eine 5-Sterne-Bewertung von Ihnen freuen!", "5-star review"),
    _rating(
        DE,
        BLOCK,
        "Eine positive Rezension wäre für unser kleines Team das schönste Dankeschön.",
        "positive review as thanks",
    ),
    _rating(DE, BLOCK, "Wenn alles gepasst hat, vergeben Sie uns doch bitte die volle Punktzahl.", "full marks"),
    _rating(
        DE, BLOCK, "Ihre Top-Bewertung hilft uns, auch in Zukunft gute Preise anzubieten.", "a top review helps us"
    ),
    _rating(
        DE,
        BLOCK,
        "Nur mit Bestnoten können wir als kleiner Händler bei Amazon bestehen – wir zählen auf Sie!",
        "best marks, we count on you",
    ),
    _rating(
        DE,
        PASS,
        "Der Wasserkocher hat im Test fünf Sterne für Sicherheit bekommen, ein Defekt nach einer Woche ist daher ungewöhnlich.",
        "five stars in a safety test",
    ),
    _rating(
        DE,
        PASS,
        "Vielen Dank für Ihre Bewertung, wir haben Ihre Anmerkung zur Verpackung an das Lager weitergegeben.",
        "thanks for a review",
    ),
    _rating(
        DE,
        PASS,
        "Ihre ehrliche Meinung ist uns wichtig, ganz gleich, wie sie ausfällt.",
        "an honest opinion, whatever it is",
    ),
    _rating(
        DE,
        PASS,
        "Sie können Ihre Bewertung jederzeit über „Meine Bestellungen“ abgeben, wenn Sie möchten.",
        "where reviews are left",
    ),
    _rating(
        FR,
        BLOCK,
        "Cinq étoiles nous aideraient énormément, nous sommes une toute petite entreprise.",
        "five stars would help",
    ),
    _rating(
        FR,
        BLOCK,
        "Si vous êtes satisfait, un avis 5 étoiles serait le plus beau des remerciements.",
        "5 stars if satisfied",
    ),
    _rating(FR, BLOCK, "Nous comptons sur vous pour nous attribuer la note maximale !", "the top mark"),
    _rating(
        FR, PASS, "Merci pour votre avis, nous avons bien noté votre remarque sur l'emballage.", "thanks for a review"
    ),
    _rating(ES, BLOCK, "Cinco estrellas nos ayudarían muchísimo, somos un negocio familiar.", "five stars would help"),
    _rating(ES, BLOCK, "Le agradeceríamos mucho que nos pusiera la máxima puntuación.", "the top score"),
    _rating(ES, BLOCK, "Una reseña positiva suya nos haría muy felices.", "a positive review"),
    _rating(
        ES,
        PASS,
        "Este modelo tiene una calificación energética de cinco estrellas, así que gasta muy poco.",
        "five-star energy rating",
    ),
    _rating(
        IT, BLOCK, "Cinque stelle ci aiuterebbero davvero tanto, siamo una piccola impresa.", "five stars would help"
    ),
    _rating(IT, BLOCK, "Ci farebbe molto piacere ricevere da lei il punteggio massimo.", "the top score"),
    _rating(IT, BLOCK, "Una recensione positiva sarebbe il regalo più bello per il nostro team.", "a positive review"),
    _rating(
        IT,
        PASS,
        "Grazie per la sua recensione, abbiamo già segnalato il problema dell'imballaggio al magazzino.",
        "thanks for a review",
    ),
    # --- incentives that are not money ----------------------------------------------------
    _perk(
        EN, BLOCK, "Leave us a review and you'll automatically be entered into our monthly prize draw.", "prize draw"
    ),
    _perk(
        EN,
        BLOCK,
        "Everyone who posts a review before Sunday goes into our sweepstakes for a new tablet!",
        "sweepstakes",
    ),
    _perk(EN, BLOCK, "Write a review to earn 500 loyalty points on your next purchase.", "loyalty points"),
    _perk(
        EN, BLOCK, "As a thank-you for your feedback, you'll get early access to our spring collection.", "early access"
    ),
    _perk(EN, BLOCK, "Share your feedback and we'll send you a code for 20% off your next order.", "a future discount"),
    _perk(EN, BLOCK, "Each review counts as one raffle entry — good luck!", "raffle entry"),
    _perk(EN, BLOCK, "Post a photo review and you'll get a free year of extended warranty.", "extended warranty"),
    _perk(
        EN, BLOCK, "Reviewers join our VIP testers' club and receive new products before anyone else.", "testers' club"
    ),
    _perk(EN, BLOCK, "Leave feedback for a chance to win a $100 Amazon gift card.", "a chance to win"),
    _perk(
        EN,
        BLOCK,
        "Once your review is live, send us a screenshot and we'll add double points to your account.",
        "double points",
    ),
    _perk(EN, BLOCK, "Rate your purchase and we'll upgrade your next delivery to express for free.", "a free upgrade"),
    _perk(
        EN, BLOCK, "Leave an honest review and we'll plant ten trees in your name.", "trees planted in the buyer's name"
    ),
    _perk(EN, BLOCK, "Customers who review us get priority support for life.", "priority support"),
    _perk(
        EN, PASS, "Thanks for being a loyal customer! The replacement strap ships today.", "loyal customer, replacement"
    ),
    _perk(
        EN, PASS, "The drawstring on the bag was reinforced in the new batch, so yours should hold.", "'draw' in a word"
    ),
    _perk(
        EN,
        PASS,
        "Your loyalty points from Amazon are managed by Amazon, so we can't see or change them.",
        "Amazon's own points",
    ),
    _perk(
        EN,
        PASS,
        "There is no giveaway or prize draw linked to reviews; you can review the product whenever you like.",
        "no giveaway",
    ),
    _perk(EN, PASS, "The warranty is two years from delivery; just reply here if the fan stops working.", "warranty"),
    _perk(
        EN,
        PASS,
        "Early shipments of the blue version sold out, so yours will come from the next batch on 3 June.",
        "'early' shipments",
    ),
    _perk(DE, BLOCK, "Für jede Bewertung nehmen Sie automatisch an unserem Gewinnspiel teil.", "a prize game"),
    _perk(DE, BLOCK, "Hinterlassen Sie eine Rezension und sichern Sie sich 500 Treuepunkte!", "loyalty points"),
    _perk(DE, BLOCK, "Als Dankeschön für Ihr Feedback erhalten Sie vorab Zugang zu unseren Neuheiten.", "early access"),
    _perk(DE, BLOCK, "Unter allen Bewertungen verlosen wir jeden Monat ein Tablet.", "a draw among reviews"),
    _perk(
        DE,
        BLOCK,
        "Schreiben Sie eine Bewertung und Sie erhalten 15 % Rabatt auf Ihren nächsten Einkauf.",
        "a future discount",
    ),
    _perk(DE, BLOCK, "Wer uns bewertet, wird kostenlos Mitglied in unserem Produkttester-Club.", "testers' club"),
    _perk(
        DE,
        PASS,
        "Die Verlosung auf der Verpackung ist eine Aktion des Herstellers und hat mit Amazon-Bewertungen nichts zu tun.",
        "a maker's draw, not for reviews",
    ),
    _perk(DE, PASS, "Die Punkte auf dem Display zeigen nur den Ladestand an.", "points on a display"),
    _perk(DE, PASS, "Vielen Dank für Ihre Treue! Das Ersatzteil ist bereits unterwegs.", "loyalty thanked, spare part"),
    _perk(FR, BLOCK, "Laissez un avis et participez automatiquement à notre tirage au sort !", "prize draw"),
    _perk(FR, BLOCK, "Chaque commentaire vous rapporte 200 points de fidélité.", "loyalty points"),
    _perk(
        FR, BLOCK, "En échange de votre avis, vous aurez un accès anticipé à notre nouvelle collection.", "early access"
    ),
    _perk(
        FR,
        PASS,
        "Les points lumineux de la télécommande indiquent simplement le niveau de batterie.",
        "points of light",
    ),
    _perk(ES, BLOCK, "Deje una reseña y participe en nuestro sorteo mensual de una tablet.", "prize draw"),
    _perk(ES, BLOCK, "Por cada valoración sumará 300 puntos de fidelidad.", "loyalty points"),
    _perk(ES, BLOCK, "Si nos deja su opinión, tendrá acceso anticipado a los nuevos modelos.", "early access"),
    _perk(
        ES,
        PASS,
        "El sorteo que aparece en la caja es del fabricante y no tiene nada que ver con su pedido.",
        "a maker's draw",
    ),
    _perk(IT, BLOCK, "Lasci una recensione e parteciperà alla nostra estrazione a premi mensile.", "prize draw"),
    _perk(IT, BLOCK, "Per ogni recensione riceverà 250 punti fedeltà.", "loyalty points"),
    _perk(IT, BLOCK, "Con la sua recensione otterrà l'accesso anticipato ai nuovi prodotti.", "early access"),
    _perk(IT, PASS, "I punti luminosi sul telecomando indicano solo il livello della batteria.", "points of light"),
    # --- order and shipping confirmations ----------------------------------------------------
    _confirmation(
        EN,
        BLOCK,
        "This email confirms your order 114-6620931-4417725 for one Travel Kettle 0.5 l.",
        "this email confirms",
    ),
    _confirmation(EN, BLOCK, "Your item has shipped! Tracking: 1Z999AA10123456784.", "shipped, tracking"),
    _confirmation(
        EN,
        BLOCK,
        "Hi Rachel, your order is on its way. Tracking number TBA304958102000, estimated delivery Thursday.",
        "on its way, tracking, estimate",
    ),
    _confirmation(
        EN,
        BLOCK,
        "We're writing to confirm we've received your order and it will ship within 24 hours.",
        "writing to confirm",
    ),
    _confirmation(
        EN,
        BLOCK,
        "Order confirmed: 1 x Bamboo Cutting Board Set. Estimated delivery: Friday, 14 March.",
        "order confirmed",
    ),
    _confirmation(
        EN, BLOCK, "Shipped today via UPS with tracking 1Z84V7E20312345678 – expected Thursday.", "shipped today"
    ),
    _confirmation(EN, BLOCK, "Your order left our warehouse this morning and is now with DPD.", "left the warehouse"),
    _confirmation(
        EN, BLOCK, "Dispatch notice: order 111-5540921-7730146 has been handed over to Royal Mail.", "dispatch notice"
    ),
    _confirmation(EN, BLOCK, "We have processed your order and it is being packed right now.", "processed and packed"),
    _confirmation(
        EN, BLOCK, "Heads up! Your blender shipped and should be with you in 2-3 days.", "the item named shipped"
    ),
    _confirmation(
        EN,
        BLOCK,
        "Hi Tom, just a note that your package was sent out today with USPS, tracking 9400 1000 0000 0000 0000 00.",
        "sent out today",
    ),
    _confirmation(EN, BLOCK, "Your purchase is confirmed and will be delivered by Tuesday.", "purchase confirmed"),
    _confirmation(
        EN,
        BLOCK,
        "Hello! Your order 113-4409182-6650317 was shipped on 03/12 via FedEx, tracking 7489 1234 5678.",
        "shipped on a date",
    ),
    _confirmation(
        EN,
        PASS,
        "Shipping confirmation is attached by Amazon to your order page, so you can check the carrier there.",
        "Amazon's shipping confirmation named",
    ),
    _confirmation(
        EN,
        PASS,
        "You asked whether the order has shipped: yes, it went out yesterday with UPS, tracking 1Z999AA10123456784.",
        "answering the buyer's question",
    ),
    _confirmation(
        EN,
        PASS,
        "Sorry the first parcel got lost. The replacement was sent today with tracking TBA987654321000.",
        "replacement after a loss",
    ),
    _confirmation(
        EN,
        PASS,
        "Unfortunately your order hasn't shipped yet because the colour is back-ordered; would you like to wait or cancel?",
        "not shipped yet",
    ),
    _confirmation(
        EN, PASS, "Your order id is 114-6620931-4417725; please quote it if you contact the carrier.", "order id"
    ),
    _confirmation(
        EN,
        PASS,
        "We can't change the address any more because the parcel has already been handed to the carrier.",
        "declining a change",
    ),
    _confirmation(
        EN,
        PASS,
        "Could you check the confirmation email from Amazon and tell us which size it shows?",
        "Amazon's confirmation named",
    ),
    _confirmation(DE, BLOCK, "Hiermit bestätigen wir Ihre Bestellung 302-7781234-5566778.", "order confirmation"),
    _confirmation(
        DE, BLOCK, "Ihre Bestellung wurde heute versandt. Sendungsnummer: 00340434161234567890.", "shipped, tracking"
    ),
    _confirmation(DE, BLOCK, "Ihr Paket ist unterwegs und kommt voraussichtlich am Donnerstag an.", "on its way"),
    _confirmation(DE, BLOCK, "Kurze Info: Ihre Ware hat heute Morgen unser Lager verlassen.", "left the warehouse"),
    _confirmation(DE, BLOCK, "Wir haben Ihre Bestellung erhalten und bereiten den Versand vor.", "order received"),
    _confirmation(
        DE,
        BLOCK,
        "Hallo Herr Krause, Ihre Bestellung ist soeben mit Hermes rausgegangen, die Sendungsnummer lautet H1004567890123456789.",
        "gone out with Hermes",
    ),
    _confirmation(
        DE,
        PASS,
        "Sie fragten nach Ihrer Sendung: Sie liegt seit gestern im DHL-Paketzentrum, Sendungsnummer 00340434161234567890.",
        "answering the buyer's question",
    ),
    _confirmation(
        DE,
        PASS,
        "Die Versandbestätigung von Amazon enthält die Sendungsnummer, Sie finden sie unter „Meine Bestellungen“.",
        "Amazon's confirmation named",
    ),
    _confirmation(
        DE,
        PASS,
        "Leider wurde Ihre Bestellung noch nicht versandt, der Artikel kommt erst am Montag wieder rein.",
        "not shipped yet",
    ),
    _confirmation(
        DE,
        PASS,
        "Entschuldigen Sie die Verwechslung, der richtige Artikel wurde heute an Sie verschickt.",
        "the right item after a mix-up",
    ),
    _confirmation(
        FR, BLOCK, "Votre commande a été expédiée aujourd'hui. Numéro de suivi : 6A12345678901.", "shipped, tracking"
    ),
    _confirmation(
        FR,
        BLOCK,
        "Nous vous confirmons la bonne réception de votre commande, elle sera expédiée demain.",
        "order received",
    ),
    _confirmation(FR, BLOCK, "Votre colis est en route et arrivera jeudi.", "on its way"),
    _confirmation(
        FR,
        PASS,
        "Comme vous nous l'avez demandé, voici le numéro de suivi de votre colis : 6A12345678901.",
        "tracking as asked",
    ),
    _confirmation(
        ES, BLOCK, "Su pedido ha sido enviado hoy. Número de seguimiento: PQ4B6C0123456789.", "shipped, tracking"
    ),
    _confirmation(ES, BLOCK, "Le confirmamos que hemos recibido su pedido y que saldrá mañana.", "order received"),
    _confirmation(ES, BLOCK, "¡Su paquete ya está en camino!", "on its way"),
    _confirmation(
        ES,
        PASS,
        "Disculpe el retraso: el transportista nos dice que el paquete llegará el jueves.",
        "a delay explained",
    ),
    _confirmation(
        IT, BLOCK, "Il suo ordine è stato spedito oggi. Numero di tracciamento: 3UW1AB23456789.", "shipped, tracking"
    ),
    _confirmation(IT, BLOCK, "Le confermiamo di aver ricevuto il suo ordine, verrà spedito domani.", "order received"),
    _confirmation(IT, BLOCK, "Il suo pacco è in viaggio e arriverà venerdì.", "on its way"),
    _confirmation(
        IT, PASS, "Come richiesto, le inviamo il numero di tracciamento: 3UW1AB23456789.", "tracking as asked"
    ),
    # --- threats and coercion ---------------------------------------------------------------
    _coercion(
        EN,
        BLOCK,
        "If the balance isn't paid by Friday, your details go to our debt collection agency.",
        "debt collection",
    ),
    _coercion(
        EN,
        BLOCK,
        "File a chargeback and we will publish your name on every seller forum as a fraudster.",
        "publishing the buyer's name",
    ),
    _coercion(
        EN, BLOCK, "Leave that review up and we'll report you to Amazon for abuse.", "reporting the buyer for a review"
    ),
    _coercion(
        EN,
        BLOCK,
        "Opening an A-to-z claim will get your Amazon account banned, so think twice.",
        "account banned for a claim",
    ),
    _coercion(
        EN, BLOCK, "Your account will be suspended if you don't remove the feedback.", "account suspended for feedback"
    ),
    _coercion(EN, BLOCK, "If you open a claim, we will take legal steps against you.", "legal steps"),
    _coercion(
        EN, BLOCK, "Withdraw the chargeback or we'll notify your bank that you committed fraud.", "telling the bank"
    ),
    _coercion(
        EN, BLOCK, "We keep a list of buyers who leave bad reviews and share it with other sellers.", "a blacklist"
    ),
    _coercion(EN, BLOCK, "Remove the 1-star rating, or there will be consequences.", "consequences"),
    _coercion(
        EN, BLOCK, "We have passed your file to a collections firm and they will contact you.", "a collections firm"
    ),
    _coercion(EN, BLOCK, "Filing claims against us will be reported to the credit bureau.", "credit bureau"),
    _coercion(EN, BLOCK, "We'll make sure you never buy on Amazon again.", "never buying again"),
    _coercion(
        EN, BLOCK, "Keep the negative feedback and expect to hear from our legal department.", "the legal department"
    ),
    _coercion(
        EN,
        PASS,
        "We will report the carrier's delay to Amazon so it doesn't count against you.",
        "reporting the carrier",
    ),
    _coercion(
        EN,
        PASS,
        "If the parcel doesn't arrive by Friday, we'll file a claim with the carrier and send a new one.",
        "a claim with the carrier",
    ),
    _coercion(
        EN,
        PASS,
        "You're welcome to open an A-to-z claim if you're not satisfied; that's your right as a buyer.",
        "the buyer's right to claim",
    ),
    _coercion(
        EN,
        PASS,
        "Please mention the damage in the return form so the carrier can be held responsible.",
        "the carrier held responsible",
    ),
    _coercion(
        EN, PASS, "The collection point for your parcel is the post office on Main Street.", "a collection point"
    ),
    _coercion(
        EN, PASS, "We have reported the faulty batch to the manufacturer so it won't happen again.", "reporting a batch"
    ),
    _coercion(
        EN,
        PASS,
        "Your account information is safe with Amazon; we never see your card details.",
        "the buyer's account named",
    ),
    _coercion(
        DE,
        BLOCK,
        "Wenn Sie nicht bis Freitag zahlen, übergeben wir die Forderung an ein Inkassobüro.",
        "debt collection",
    ),
    _coercion(
        DE, BLOCK, "Ziehen Sie die Reklamation zurück, sonst melden wir Ihr Konto bei Amazon.", "reporting the account"
    ),
    _coercion(
        DE, BLOCK, "Bei einer Rückbuchung veröffentlichen wir Ihren Namen in Händlerforen.", "publishing the name"
    ),
    _coercion(
        DE,
        BLOCK,
        "Ihr Amazon-Konto wird gesperrt, wenn Sie weiterhin Beschwerden einreichen.",
        "account blocked for complaints",
    ),
    _coercion(DE, BLOCK, "Eine negative Bewertung wird für Sie Folgen haben.", "consequences"),
    _coercion(DE, BLOCK, "Wir setzen Sie auf unsere schwarze Liste und informieren andere Händler.", "a blacklist"),
    _coercion(
        DE, PASS, "Wir melden den Transportschaden bei DHL, damit Sie schnell Ersatz bekommen.", "reporting the carrier"
    ),
    _coercion(
        DE,
        PASS,
        "Sie können selbstverständlich eine A-bis-z-Garantie beantragen, das ist Ihr gutes Recht.",
        "the buyer's right to claim",
    ),
    _coercion(
        DE,
        PASS,
        "Ihr Name steht auf dem Paketetikett, deshalb konnte der Bote das Paket beim Nachbarn abgeben.",
        "the buyer's name on a label",
    ),
    _coercion(
        FR, BLOCK, "Si vous ne retirez pas votre réclamation, votre compte Amazon sera bloqué.", "account blocked"
    ),
    _coercion(
        FR,
        BLOCK,
        "Nous publierons votre nom sur les forums de vendeurs si vous faites une opposition bancaire.",
        "publishing the name",
    ),
    _coercion(
        FR, BLOCK, "Faute de paiement, votre dossier sera transmis à une société de recouvrement.", "debt collection"
    ),
    _coercion(
        FR, PASS, "Nous allons signaler le retard au transporteur pour accélérer la livraison.", "reporting the carrier"
    ),
    _coercion(ES, BLOCK, "Si no retira la reclamación, publicaremos su nombre en internet.", "publishing the name"),
    _coercion(ES, BLOCK, "Pasaremos su deuda a una agencia de cobros.", "debt collection"),
    _coercion(ES, BLOCK, "Su cuenta de Amazon será suspendida si presenta otra reclamación.", "account suspended"),
    _coercion(
        ES,
        PASS,
        "Vamos a reclamar al transportista por el retraso y le mantendremos informado.",
        "a claim with the carrier",
    ),
    _coercion(
        IT,
        BLOCK,
        "Se non paga entro venerdì, affideremo la pratica a un'agenzia di recupero crediti.",
        "debt collection",
    ),
    _coercion(IT, BLOCK, "Pubblicheremo il suo nome sui forum dei venditori.", "publishing the name"),
    _coercion(IT, BLOCK, "Il suo account Amazon verrà bloccato se apre un altro reclamo.", "account blocked"),
    _coercion(IT, PASS, "Segnaleremo il ritardo al corriere per velocizzare la consegna.", "reporting to the carrier"),
    # --- disparaging other sellers or Amazon, false claims ----------------------------------
    _disparagement(
        EN, BLOCK, "Unlike the cheap knock-offs other sellers push, ours actually work.", "other sellers' knock-offs"
    ),
    _disparagement(EN, BLOCK, "Don't buy from ChargeMax, their chargers are dangerous junk.", "a named competitor"),
    _disparagement(
        EN, BLOCK, "Amazon's warehouse staff are clueless, that's why your box was crushed.", "Amazon's staff"
    ),
    _disparagement(
        EN, BLOCK, "Amazon requires you to leave feedback within 7 days of delivery.", "false claim: Amazon requires"
    ),
    _disparagement(
        EN,
        BLOCK,
        "According to Amazon's rules, buyers must remove negative feedback once a refund is issued.",
        "false claim: Amazon's rules",
    ),
    _disparagement(
        EN, BLOCK, "Amazon's customer service is useless, so please deal only with us.", "Amazon's service useless"
    ),
    _disparagement(EN, BLOCK, "The other sellers on this listing sell counterfeits.", "other sellers' counterfeits"),
    _disparagement(EN, BLOCK, "Amazon will charge you a fee if you don't leave a review.", "false claim: a fee"),
    _disparagement(
        EN, BLOCK, "Under Amazon policy, buyers are obliged to rate every purchase.", "false claim: obliged"
    ),
    _disparagement(EN, BLOCK, "Our competitors use fake reviews to look good; we don't.", "competitors' fake reviews"),
    _disparagement(EN, BLOCK, "Amazon Logistics is a joke, they lose parcels every week.", "Amazon Logistics a joke"),
    _disparagement(
        EN,
        BLOCK,
        "Amazon's terms require you to contact the seller before writing a review.",
        "false claim: terms require",
    ),
    _disparagement(EN, BLOCK, "It's mandatory on Amazon to leave feedback for every order.", "false claim: mandatory"),
    _disparagement(EN, PASS, "Amazon's policy lets you return it within 30 days.", "Amazon's policy, true"),
    _disparagement(
        EN, PASS, "Under Amazon's A-to-z Guarantee you are covered if the item never arrives.", "the A-to-z Guarantee"
    ),
    _disparagement(
        EN,
        PASS,
        "The other listing you mentioned is a different model, which is why the price is lower.",
        "another listing, neutral",
    ),
    _disparagement(
        EN,
        PASS,
        "Amazon customer service can also help you with the return if that's easier.",
        "Amazon's service, neutral",
    ),
    _disparagement(
        EN,
        PASS,
        "Amazon's guidelines don't allow us to include links, so here are the steps in writing.",
        "Amazon's guidelines, true",
    ),
    _disparagement(
        EN,
        PASS,
        "Amazon requires us to ship within two business days, and we did.",
        "what Amazon requires of the seller",
    ),
    _disparagement(EN, PASS, "Amazon delivers this order, so the tracking is on Amazon's side.", "Amazon delivers"),
    _disparagement(
        DE,
        BLOCK,
        "Amazon verlangt, dass Sie innerhalb von 7 Tagen eine Bewertung abgeben.",
        "false claim: Amazon demands",
    ),
    _disparagement(
        DE,
        BLOCK,
        "Laut Amazon-Richtlinien müssen Sie negative Bewertungen nach einer Erstattung löschen.",
        "false claim: guidelines",
    ),
    _disparagement(DE, BLOCK, "Die anderen Händler verkaufen nur billige Fälschungen.", "other sellers' fakes"),
    _disparagement(
        DE,
        BLOCK,
        "Der Amazon-Kundenservice ist völlig unfähig, wenden Sie sich lieber an uns.",
        "Amazon's service incompetent",
    ),
    _disparagement(
        DE, BLOCK, "Amazon schreibt vor, dass Käufer jede Bestellung bewerten müssen.", "false claim: Amazon prescribes"
    ),
    _disparagement(DE, BLOCK, "Die Konkurrenz arbeitet mit gekauften Bewertungen.", "competitors' bought reviews"),
    _disparagement(
        DE, PASS, "Laut Amazons Rückgaberichtlinie haben Sie 30 Tage Zeit für die Rücksendung.", "Amazon's policy, true"
    ),
    _disparagement(
        DE,
        PASS,
        "Andere Anbieter führen teilweise ein älteres Modell, daher der Preisunterschied.",
        "other sellers, neutral",
    ),
    _disparagement(
        DE,
        PASS,
        "Der Amazon-Kundenservice kann Ihnen bei der Rücksendung ebenfalls helfen.",
        "Amazon's service, neutral",
    ),
    _disparagement(FR, BLOCK, "Amazon vous oblige à laisser un avis dans les 7 jours.", "false claim: Amazon obliges"),
    _disparagement(FR, BLOCK, "Les autres vendeurs ne vendent que des contrefaçons.", "other sellers' fakes"),
    _disparagement(
        FR, BLOCK, "Le service client d'Amazon est nul, adressez-vous plutôt à nous.", "Amazon's service useless"
    ),
    _disparagement(
        FR,
        PASS,
        "La politique de retour d'Amazon vous laisse 30 jours pour renvoyer l'article.",
        "Amazon's policy, true",
    ),
    _disparagement(
        ES, BLOCK, "Amazon exige que deje una valoración en un plazo de 7 días.", "false claim: Amazon demands"
    ),
    _disparagement(ES, BLOCK, "Los demás vendedores solo venden falsificaciones baratas.", "other sellers' fakes"),
    _disparagement(
        ES,
        BLOCK,
        "El servicio de atención al cliente de Amazon es un desastre, mejor hable con nosotros.",
        "Amazon's service a disaster",
    ),
    _disparagement(
        ES, PASS, "Según la política de devoluciones de Amazon, tiene 30 días para devolverlo.", "Amazon's policy, true"
    ),
    _disparagement(
        IT, BLOCK, "Amazon richiede che lei lasci una recensione entro 7 giorni.", "false claim: Amazon requires"
    ),
    _disparagement(IT, BLOCK, "Gli altri venditori vendono solo imitazioni scadenti.", "other sellers' fakes"),
    _disparagement(
        IT, BLOCK, "Il servizio clienti di Amazon è inutile, si rivolga direttamente a noi.", "Amazon's service useless"
    ),
    _disparagement(
        IT,
        PASS,
        "Secondo la politica di reso di Amazon, ha 30 giorni per restituire l'articolo.",
        "Amazon's policy, true",
    ),
    # --- what must still pass ----------------------------------------------------------------
    _must_pass(
        EN,
        PASS,
        "Your refund of $24.99 went through today. If you feel we've resolved the problem, you're welcome to update your feedback.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(
        EN,
        PASS,
        "Now that the replacement has arrived and everything works, would you consider revisiting your feedback? Entirely up to you.",
        "neutral update ask once solved",
    ),
    _must_pass(
        EN,
        PASS,
        "We've issued a full refund for the cracked mug; no need to send it back.",
        "refund to solve a problem",
    ),
    _must_pass(
        EN,
        PASS,
        "We're sorry the lid leaked. We can send a new one or refund you in full, whichever you prefer.",
        "refund or replacement offered",
    ),
    _must_pass(
        EN,
        PASS,
        "Your order 114-6620931-4417725 is with UPS under tracking 1Z999AA10123456784; it's in Louisville today.",
        "order id and tracking",
    ),
    _must_pass(
        EN,
        PASS,
        "Please let us know if anything is wrong with the kettle and we'll sort it out.",
        "let us know if anything is wrong",
    ),
    _must_pass(
        EN,
        PASS,
        "Hope the blender is working well — if anything isn't right, just reply to this message.",
        "polite offer of help",
    ),
    _must_pass(
        EN,
        PASS,
        "The tracking number TBA123456789000 belongs to Amazon Logistics, so the carrier is Amazon.",
        "tracking number",
    ),
    _must_pass(
        EN,
        PASS,
        "Could you send us a photo of the label on the box so we can check the batch number?",
        "asking for a photo",
    ),
    _must_pass(EN, PASS, "We refunded the shipping cost because the parcel arrived two days late.", "partial refund"),
    _must_pass(EN, PASS, "Thanks for bearing with us while we sorted this out.", "thanks for patience"),
    _must_pass(
        EN,
        PASS,
        "If the size doesn't fit, you can return it through Your Orders for a full refund.",
        "return for a refund",
    ),
    _must_pass(
        EN,
        PASS,
        "Since the problem is solved and your refund is complete, we'd be grateful if you took another look at your feedback; if you'd rather not, that's fine too.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(
        EN,
        PASS,
        "Order 112-8830217-4459016: the second item ships separately from another warehouse.",
        "order id in a reply",
    ),
    _must_pass(
        DE,
        PASS,
        "Ihre Erstattung über 24,99 € ist heute erfolgt. Wenn Sie das Problem als gelöst ansehen, können Sie Ihre Bewertung gern aktualisieren.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(
        DE,
        PASS,
        "Wir haben Ihnen den vollen Kaufpreis erstattet, eine Rücksendung ist nicht nötig.",
        "refund to solve a problem",
    ),
    _must_pass(
        DE,
        PASS,
        "Bitte geben Sie uns Bescheid, falls mit dem Gerät etwas nicht stimmt.",
        "let us know if anything is wrong",
    ),
    _must_pass(
        DE,
        PASS,
        "Die Sendungsnummer 00340434161234567890 gehört zu DHL, die Bestellnummer lautet 302-7781234-5566778.",
        "tracking number and order id",
    ),
    _must_pass(
        DE,
        PASS,
        "Es tut uns leid, dass der Deckel fehlte. Wir schicken Ihnen gern einen neuen oder erstatten den Betrag, wie Sie möchten.",
        "replacement or refund offered",
    ),
    _must_pass(
        DE, PASS, "Falls etwas nicht in Ordnung ist, antworten Sie einfach auf diese Nachricht.", "polite offer of help"
    ),
    _must_pass(
        DE,
        PASS,
        "Da das Problem nun gelöst ist, würden wir uns freuen, wenn Sie Ihre Bewertung noch einmal überdenken – natürlich ganz ohne Verpflichtung.",
        "neutral update ask once solved",
    ),
    _must_pass(DE, PASS, "Vielen Dank für Ihre Geduld, wir haben den Fall mit DHL geklärt.", "thanks for patience"),
    _must_pass(
        FR,
        PASS,
        "Votre remboursement a été effectué aujourd'hui. Si vous estimez que le problème est réglé, vous pouvez mettre à jour votre avis.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(
        FR,
        PASS,
        "N'hésitez pas à nous écrire si quelque chose ne va pas avec votre commande.",
        "let us know if anything is wrong",
    ),
    _must_pass(
        FR,
        PASS,
        "Votre numéro de commande est 405-1180934-2251554 et le suivi Colissimo 6A12345678901.",
        "order id and tracking",
    ),
    _must_pass(
        ES,
        PASS,
        "Le hemos devuelto el importe completo; no hace falta que nos devuelva el producto.",
        "refund to solve a problem",
    ),
    _must_pass(
        ES, PASS, "Si algo no está bien con su pedido, díganoslo y lo solucionamos.", "let us know if anything is wrong"
    ),
    _must_pass(
        ES,
        PASS,
        "Ahora que el reembolso está hecho, si lo considera oportuno puede actualizar su valoración.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(
        IT,
        PASS,
        "Il rimborso è stato effettuato oggi. Se ritiene che il problema sia risolto, può aggiornare la sua recensione.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(IT, PASS, "Ci faccia sapere se qualcosa non va con il prodotto.", "let us know if anything is wrong"),
    _must_pass(
        IT,
        PASS,
        "Il numero d'ordine è 402-3456789-0123456 e il tracciamento BRT è 123456789012.",
        "order id and tracking",
    ),
    # --- look-alikes written after the holdout's first run showed what the rules missed (in other words) -----
    _confirmation(
        DE,
        BLOCK,
        "Wir möchten Ihnen kurz sagen, dass Ihr Paket bereits auf dem Weg zu Ihnen ist.",
        "the verb last, in a 'dass' clause",
    ),
    _confirmation(
        DE,
        PASS,
        "Wir können nicht sagen, ob Ihr Paket schon unterwegs ist, und haben bei DHL nachgefragt.",
        "not known whether it is on its way",
    ),
    _confirmation(
        IT, BLOCK, "Il suo ordine è stato preso in carico dal nostro magazzino e partirà domani.", "'preso in carico'"
    ),
    _coercion(
        FR, BLOCK, "Nous engagerons une procédure contre vous si la réclamation n'est pas retirée.", "proceedings"
    ),
    _disparagement(
        DE,
        BLOCK,
        "Gemäß den Amazon-Regeln sind Sie dazu verpflichtet, eine Rezension zu verfassen.",
        "false claim, the verb before the buyer",
    ),
    # --- probes written later, outside these sets, that the rules missed then (now fixed) ----------------
    _rating(EN, BLOCK, "Rate us 10/10!", "10/10"),
    _rating(EN, BLOCK, "We'd appreciate nothing less than 5 stars :)", "'nothing less than' is no negation"),
    _rating(EN, BLOCK, "Please tell everyone how much you love it in a review!", "steering to a glowing review"),
    _rating(DE, BLOCK, "Bitte bewerten Sie uns positiv, das hilft uns sehr.", "rate us positively"),
    _rating(DE, BLOCK, "Geben Sie uns doch bitte die volle Sternzahl.", "the full number of stars"),
    _perk(EN, BLOCK, "We'll send you a surprise gift once your review is live.", "once the review is live"),
    _perk(DE, BLOCK, "Rezensenten erhalten exklusiven Vorabzugang zu neuen Produkten.", "reviewers get early access"),
    _confirmation(EN, BLOCK, "We confirm receipt of your order 112-1234567-1234567.", "we confirm receipt"),
    _confirmation(EN, BLOCK, "Order shipped! Track it here: 1Z999AA10123456784", "order shipped"),
    _confirmation(EN, BLOCK, "We've packed and shipped your order today.", "packed and shipped"),
    _confirmation(
        EN, BLOCK, "Thank you for ordering! This is your shipping confirmation.", "this is your shipping confirmation"
    ),
    _confirmation(
        EN,
        PASS,
        "Thanks for the message! Your order shipped yesterday and tracking is 1Z999AA10123456784.",
        "thanks for the message: an answer",
    ),
    _confirmation(ES, PASS, "Hola, como nos pidió, le confirmamos que su pedido salió ayer.", "confirmed as asked"),
    _coercion(EN, BLOCK, "Withdraw the chargeback or face the consequences.", "face the consequences"),
    _coercion(EN, BLOCK, "Amazon will close your account if you don't leave feedback.", "the account closed"),
    _coercion(DE, BLOCK, "Ziehen Sie die Bewertung zurück, sonst lassen wir Ihr Konto sperren.", "the account locked"),
    _disparagement(EN, BLOCK, "It is required by Amazon that you leave feedback.", "false claim: required by Amazon"),
    _disparagement(EN, BLOCK, "Cheap Chinese sellers copy our products.", "cheap sellers copying"),
    _must_pass(
        DE,
        PASS,
        "Wir haben die Erstattung veranlasst. Wenn Sie möchten, können Sie Ihre Bewertung anpassen.",
        "neutral update ask once the refund is ordered",
    ),
]
