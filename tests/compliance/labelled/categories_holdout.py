# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""The guard's blind spots (see `categories`): a batch written blind, before the checker had scored any
message of these categories and before any rule was changed for them, and never tuned to since. A miss
here is listed in KNOWN_MISSES with its reason, never fixed by editing the message. (One author wrote the
rules and this batch, in another voice than the tuned set, so it is not a fully blind test.)

First scores, taken once with the tuned set's, before any rule was changed for these categories: per
category and language, the messages to block that the checker caught, then the messages to pass that it
blocked.
- rating_ask: en 4/7, 0/3; de 2/3, 0/2; fr 0/1, 0/1; es 1/1, 0/1; it 0/1, 0/1
- perk: en 2/7, 0/3; de 1/3, 0/2; fr 0/1, 0/1; es 0/1, 0/1; it 1/1, 0/1
- confirmation: en 1/7, 0/3; de 0/3, 0/2; fr 1/1, 0/1; es 0/1, 0/1; it 0/1, 0/1
- coercion: en 1/7, 0/3; de 2/3, 0/2; fr 0/1, 0/1; es 1/1, 0/1; it 1/1, 0/1
- disparagement: en 0/7, 0/3; de 0/3, 0/2; fr 0/1, 0/1; es 0/1, 0/1; it 0/1, 0/1
- must_pass: false blocks en 1/7, de 1/4, fr 0/1, es 0/1, it 1/2
Over all 120 messages: 18 of 65 to block caught (0.277), 3 of 55 to pass blocked (0.055).

Then the rules were changed to the tuned set only, and the batch scored again before its misses were
looked at (still blind): rating_ask 13/13, perk 13/13, confirmation 11/13 (de 2/3: "dass Ihre
Lieferung unterwegs ist", verb last; it 0/1: "preso in carico"), coercion 11/13 (en 6/7, fr 0/1: "nous
engagerons des poursuites"), disparagement 11/13 (en 6/7, de 2/3: "sind Sie verpflichtet", verb
first); 59 of 65 caught (0.908), 0 of 55 legitimate ones blocked.

Four of those six misses were general gaps (German word order, a common Italian and a common French
phrase); each was fixed through a look-alike in other words added to `categories`, so from here on these
figures are no longer blind: 63 of 65 caught (0.969: coercion and disparagement each 12/13), 0 of 55
blocked. The other two are in KNOWN_MISSES with their reasons. bench/compliance.py prints today's
figures (`holdout_recall_<category>`, `holdout_false_blocks_<category>`).
"""

from .item import (
    BLOCK,
    COERCION,
    CONFIRMATION,
    DE,
    DISPARAGEMENT,
    EN,
    ES,
    FR,
    HOLDOUT,
    IT,
    MUST_PASS,
    PASS,
    PERK,
    RATING,
    Labelled,
)


def _category(category: str):
    def item(language: str, label: str, text: str, note: str) -> Labelled:
        return Labelled(label, text, note, language=language, split=HOLDOUT, category=category)

    return item


_rating, _perk, _confirmation = _category(RATING), _category(PERK), _category(CONFIRMATION)
_coercion, _disparagement, _must_pass = _category(COERCION), _category(DISPARAGEMENT), _category(MUST_PASS)

MESSAGES: list[Labelled] = [
    # --- asking for a particular rating or a positive review ---------------------------------
    _rating(
        EN,
        BLOCK,
        "Honestly, anything under 5 stars really hurts sellers our size, so we'd appreciate the full five if you can.",
        "the full five",
    ),
    _rating(
        EN, BLOCK, "Would it be possible to give us a top rating? We work really hard on every order.", "a top rating"
    ),
    _rating(EN, BLOCK, "When you get a sec, a ★★★★★ on your feedback would be amazing :)", "five star symbols"),
    _rating(
        EN,
        BLOCK,
        "Your positive feedback is what keeps our small shop going – please don't forget!",
        "positive feedback",
    ),
    _rating(EN, BLOCK, "Hoping we've earned a perfect score from you!", "a perfect score"),
    _rating(EN, BLOCK, "Please rate your experience 'Excellent' in the feedback form.", "rate it Excellent"),
    _rating(EN, BLOCK, "A quick 5-star review is all we ask.", "all we ask"),
    _rating(
        EN,
        PASS,
        "Noted — your two-star review said the strap was too short, so we're sending the longer one.",
        "the buyer's review named",
    ),
    _rating(
        EN,
        PASS,
        "The charger was rated 5 stars by an independent safety lab, but we'll still replace yours.",
        "a lab's rating",
    ),
    _rating(EN, PASS, "We'd genuinely like to hear what you think, good or bad.", "neutral"),
    _rating(DE, BLOCK, "Wir hoffen sehr auf eine Fünf-Sterne-Bewertung von Ihnen.", "hoping for five stars"),
    _rating(DE, BLOCK, "Eine tolle Bewertung würde uns unheimlich freuen!", "a great review"),
    _rating(DE, BLOCK, "Wären Sie so nett, uns mit 5 Sternen zu bewerten?", "rate us with 5 stars"),
    _rating(
        DE,
        PASS,
        "Sie haben uns zwei Sterne gegeben, weil die Lieferung zu lange dauerte – das tut uns leid.",
        "the buyer's rating named",
    ),
    _rating(DE, PASS, "Unsere Matratze wurde mit der Note 1,5 getestet.", "a test grade"),
    _rating(
        FR, BLOCK, "Une note de 5 étoiles ferait vraiment la différence pour nous.", "5 stars would make a difference"
    ),
    _rating(FR, PASS, "Votre avis nous aide à progresser, qu'il soit positif ou non.", "positive or not"),
    _rating(ES, BLOCK, "¿Nos podría regalar cinco estrellas? ¡Gracias!", "five stars as a favour"),
    _rating(ES, PASS, "Gracias por su reseña de cinco estrellas, nos ha encantado.", "thanks for a review"),
    _rating(
        IT, BLOCK, "Ci aiuti con una valutazione a cinque stelle, per noi è fondamentale!", "help us with five stars"
    ),
    _rating(IT, PASS, "La sua opinione sincera ci interessa, qualunque essa sia.", "neutral"),
    # --- incentives that are not money ----------------------------------------------------
    _perk(
        EN,
        BLOCK,
        "All reviewers this month are automatically entered to win one of three smartwatches.",
        "entered to win",
    ),
    _perk(EN, BLOCK, "Post your review and you'll get 2x reward points on your next order with us.", "reward points"),
    _perk(EN, BLOCK, "Leave feedback and be the first to try our new range before it launches.", "first to try"),
    _perk(EN, BLOCK, "Your review = one ticket in our Christmas raffle!", "raffle ticket"),
    _perk(EN, BLOCK, "We'll add you to our members-only deals list once your review is up.", "members-only deals"),
    _perk(EN, BLOCK, "Review us and unlock free express shipping on your next purchase.", "free shipping next time"),
    _perk(EN, BLOCK, "Anyone who leaves a review gets a mystery gift in their next parcel.", "a mystery gift"),
    _perk(EN, PASS, "The mystery of the missing screw is solved — it was taped under the lid.", "'mystery'"),
    _perk(EN, PASS, "Our loyalty to quality means we test every unit before it ships.", "'loyalty'"),
    _perk(EN, PASS, "There's no prize or reward for reviews; we just want to hear how it went.", "no prize"),
    _perk(DE, BLOCK, "Jede Bewertung ist ein Los in unserer Weihnachtsverlosung!", "a lottery ticket"),
    _perk(DE, BLOCK, "Bewerten Sie Ihren Einkauf und sammeln Sie doppelte Bonuspunkte.", "bonus points"),
    _perk(DE, BLOCK, "Wer eine Rezension schreibt, darf unsere neuen Produkte als Erstes testen.", "first to test"),
    _perk(DE, PASS, "Die Treuepunkte verwaltet Amazon, darauf haben wir leider keinen Einfluss.", "Amazon's points"),
    _perk(
        DE,
        PASS,
        "Das Gewinnspiel im Karton ist vom Hersteller und unabhängig von Ihrer Bestellung.",
        "a maker's prize game",
    ),
    _perk(FR, BLOCK, "Chaque avis publié vous donne une chance de gagner un robot cuiseur.", "a chance to win"),
    _perk(
        FR,
        PASS,
        "Le tirage du modèle bleu est limité, mais votre commande est bien réservée.",
        "'tirage' as a print run",
    ),
    _perk(ES, BLOCK, "Por dejarnos su reseña entrará en el sorteo de un patinete eléctrico.", "a draw"),
    _perk(ES, PASS, "Sus puntos de Amazon los gestiona Amazon, nosotros no podemos verlos.", "Amazon's points"),
    _perk(IT, BLOCK, "Chi lascia una recensione riceve in anteprima le novità della prossima stagione.", "a preview"),
    _perk(IT, PASS, "L'estrazione del caffè dipende dalla macinatura, provi una più fine.", "'estrazione' of coffee"),
    # --- order and shipping confirmations ----------------------------------------------------
    _confirmation(
        EN,
        BLOCK,
        "Good morning! Just confirming that we've got your order and it'll go out tomorrow.",
        "just confirming",
    ),
    _confirmation(
        EN, BLOCK, "Tracking for your order: 1Z999AA10123456784 (UPS). It shipped this afternoon.", "tracking, shipped"
    ),
    _confirmation(EN, BLOCK, "Your order has been packed and handed to the courier.", "packed and handed over"),
    _confirmation(EN, BLOCK, "Thanks for shopping with us! Your item is on the way.", "on the way"),
    _confirmation(
        EN, BLOCK, "Order update: shipped. Carrier: DHL. Tracking: JD014600006281234567.", "order update: shipped"
    ),
    _confirmation(
        EN,
        BLOCK,
        "Hello, this is a quick confirmation that your purchase of the lamp was successful.",
        "a quick confirmation",
    ),
    _confirmation(EN, BLOCK, "We wanted to let you know your parcel is now in transit.", "in transit"),
    _confirmation(
        EN,
        PASS,
        "Following up on your question: the parcel left our warehouse Tuesday and the tracking is 1Z999AA10123456784.",
        "answering a question",
    ),
    _confirmation(
        EN,
        PASS,
        "I'm sorry it's taking so long – we re-sent the order today and it should arrive Monday.",
        "re-sent after a delay",
    ),
    _confirmation(EN, PASS, "The order was cancelled before it shipped, so no charge was made.", "cancelled"),
    _confirmation(DE, BLOCK, "Ihre Bestellung ist bestätigt und wird morgen verschickt.", "order confirmed"),
    _confirmation(DE, BLOCK, "Ihr Paket wurde an DPD übergeben, Sendungsnummer 01234567890123.", "handed to DPD"),
    _confirmation(
        DE, BLOCK, "Wir freuen uns, Ihnen mitzuteilen, dass Ihre Lieferung unterwegs ist.", "pleased to tell"
    ),
    _confirmation(
        DE,
        PASS,
        "Auf Ihre Frage hin haben wir nachgesehen: Das Paket ist gestern rausgegangen, die Sendungsnummer lautet 00340434161234567890.",
        "answering a question",
    ),
    _confirmation(
        DE,
        PASS,
        "Die Rücksendung ist bei uns eingegangen, die Erstattung folgt in den nächsten Tagen.",
        "a return received",
    ),
    _confirmation(
        FR, BLOCK, "Nous avons le plaisir de vous informer que votre colis est en chemin.", "pleased to inform"
    ),
    _confirmation(
        FR, PASS, "Suite à votre question, votre colis a quitté notre entrepôt mardi.", "answering a question"
    ),
    _confirmation(ES, BLOCK, "Su compra ha sido confirmada y saldrá del almacén mañana.", "purchase confirmed"),
    _confirmation(
        ES,
        PASS,
        "Respondiendo a su pregunta: el pedido salió ayer, el número de seguimiento es PQ4B6C0123456789.",
        "answering a question",
    ),
    _confirmation(IT, BLOCK, "Il suo ordine è stato preso in carico e spedito con BRT.", "taken in charge and shipped"),
    _confirmation(IT, PASS, "Ci scusiamo per il ritardo, abbiamo rispedito l'articolo oggi.", "re-sent after a delay"),
    # --- threats and coercion ---------------------------------------------------------------
    _coercion(
        EN,
        BLOCK,
        "Unless the chargeback is withdrawn, we'll hand your details to a collection agency.",
        "a collection agency",
    ),
    _coercion(
        EN,
        BLOCK,
        "We'll post your name and order on our Facebook page so others know what you did.",
        "publishing the name",
    ),
    _coercion(
        EN, BLOCK, "Amazon bans buyers who file false claims, and we will make sure that happens to you.", "a ban"
    ),
    _coercion(EN, BLOCK, "If you don't retract that feedback, we'll take this further.", "taking it further"),
    _coercion(EN, BLOCK, "Think carefully: we can have your buyer account closed.", "account closed"),
    _coercion(
        EN, BLOCK, "We've already started collection proceedings for the unpaid amount.", "collection proceedings"
    ),
    _coercion(EN, BLOCK, "You will be reported to Amazon if this claim isn't closed today.", "reported to Amazon"),
    _coercion(
        EN,
        PASS,
        "We'll report the missing parcel to the carrier today and keep you posted.",
        "reporting to the carrier",
    ),
    _coercion(
        EN,
        PASS,
        "If you'd like to file a claim, Amazon will review it fairly; we'll share our tracking with them.",
        "a claim, neutral",
    ),
    _coercion(EN, PASS, "Our debt to you is paid: the full refund went out this morning.", "'debt' of the seller"),
    _coercion(
        DE, BLOCK, "Sollten Sie die Bewertung nicht entfernen, leiten wir rechtliche Schritte ein.", "legal steps"
    ),
    _coercion(DE, BLOCK, "Wir übergeben die offene Summe unserem Inkassopartner.", "debt collection"),
    _coercion(DE, BLOCK, "Wir sorgen dafür, dass Ihr Amazon-Konto geschlossen wird.", "account closed"),
    _coercion(
        DE,
        PASS,
        "Wir haben den Schaden bei Hermes gemeldet und schicken Ihnen sofort Ersatz.",
        "reported to the carrier",
    ),
    _coercion(
        DE,
        PASS,
        "Sie dürfen natürlich jederzeit eine Rückbuchung veranlassen, wir helfen aber gern vorher.",
        "the buyer's right",
    ),
    _coercion(FR, BLOCK, "Si l'avis n'est pas supprimé, nous engagerons des poursuites.", "proceedings"),
    _coercion(FR, PASS, "Nous avons signalé le colis perdu à Colissimo.", "reported to the carrier"),
    _coercion(ES, BLOCK, "Si no paga, le denunciaremos y publicaremos su nombre.", "reporting and publishing"),
    _coercion(ES, PASS, "Hemos informado del daño a la agencia de transporte.", "reported to the carrier"),
    _coercion(
        IT,
        BLOCK,
        "Se non rimuove la recensione, la segnaleremo ad Amazon e faremo chiudere il suo account.",
        "reporting and closing",
    ),
    _coercion(IT, PASS, "Abbiamo segnalato il pacco smarrito al corriere.", "reported to the carrier"),
    # --- disparaging other sellers or Amazon, false claims ----------------------------------
    _disparagement(
        EN,
        BLOCK,
        "Amazon's own couriers are careless, that's the only reason it arrived broken.",
        "Amazon's couriers careless",
    ),
    _disparagement(
        EN,
        BLOCK,
        "Please don't trust the reviews on the BrightLite listing, they're all paid for.",
        "a competitor's reviews",
    ),
    _disparagement(
        EN, BLOCK, "Amazon's rules say you have to leave feedback after each purchase.", "false claim: rules say"
    ),
    _disparagement(
        EN,
        BLOCK,
        "Per Amazon policy, a buyer must give the seller 14 days to fix any problem before reviewing.",
        "false claim: policy",
    ),
    _disparagement(EN, BLOCK, "Those other sellers are scammers selling used items as new.", "other sellers scammers"),
    _disparagement(EN, BLOCK, "Amazon doesn't care about buyers like you, but we do.", "Amazon doesn't care"),
    _disparagement(
        EN,
        BLOCK,
        "You're required by Amazon to accept a replacement before asking for a refund.",
        "false claim: required by Amazon",
    ),
    _disparagement(
        EN,
        PASS,
        "Amazon's return policy gives you until 31 January for items bought in December.",
        "Amazon's policy, true",
    ),
    _disparagement(
        EN,
        PASS,
        "The other seller's bundle includes a case, ours includes a second cable – both work with your phone.",
        "another seller, neutral",
    ),
    _disparagement(
        EN,
        PASS,
        "Amazon asks sellers to answer within 24 hours, which is why we're replying on a Sunday.",
        "Amazon's rule for sellers",
    ),
    _disparagement(
        DE,
        BLOCK,
        "Laut Amazon sind Sie verpflichtet, nach jedem Kauf eine Bewertung zu schreiben.",
        "false claim: obliged",
    ),
    _disparagement(DE, BLOCK, "Bei den anderen Verkäufern bekommen Sie nur Schrott.", "other sellers' junk"),
    _disparagement(
        DE, BLOCK, "Amazon-Fahrer werfen Pakete einfach über den Zaun, die sind alle unfähig.", "Amazon's drivers"
    ),
    _disparagement(DE, PASS, "Amazon gibt Ihnen bei diesem Artikel 30 Tage Rückgaberecht.", "Amazon's policy, true"),
    _disparagement(
        DE, PASS, "Ein anderer Händler bietet die Farbe Blau an, wir leider nur Grau.", "another seller, neutral"
    ),
    _disparagement(
        FR, BLOCK, "Selon les règles d'Amazon, vous êtes obligé de noter chaque achat.", "false claim: obliged"
    ),
    _disparagement(FR, PASS, "Amazon vous rembourse automatiquement si le colis n'arrive pas.", "Amazon's guarantee"),
    _disparagement(
        ES, BLOCK, "Según Amazon, está obligado a dejar una reseña tras cada compra.", "false claim: obliged"
    ),
    _disparagement(
        ES, PASS, "Otro vendedor ofrece el modelo anterior, por eso es más barato.", "another seller, neutral"
    ),
    _disparagement(IT, BLOCK, "I corrieri di Amazon sono degli incapaci.", "Amazon's couriers incompetent"),
    _disparagement(IT, PASS, "Amazon le garantisce il rimborso se il pacco non arriva.", "Amazon's guarantee"),
    # --- what must still pass ----------------------------------------------------------------
    _must_pass(
        EN,
        PASS,
        "Everything should be sorted now that the refund has landed. If you think it's fair, you could update your review — no pressure at all.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(EN, PASS, "Let us know if anything's not right with the replacement.", "let us know"),
    _must_pass(EN, PASS, "Your tracking number is 9400 1000 0000 0000 0000 00 with USPS.", "tracking number"),
    _must_pass(
        EN,
        PASS,
        "We've refunded you in full for the missing piece; sorry again for the hassle.",
        "refund to solve a problem",
    ),
    _must_pass(
        EN,
        PASS,
        "If anything is wrong with your order, please reply here first — we'll fix it fast.",
        "polite offer of help",
    ),
    _must_pass(
        EN, PASS, "Order 113-4409182-6650317 is the one we refunded; the other order is unaffected.", "order id"
    ),
    _must_pass(EN, PASS, "Happy to help — we've issued a partial refund of $10 for the scratch.", "partial refund"),
    _must_pass(
        DE,
        PASS,
        "Die Erstattung ist erledigt. Falls Sie möchten, können Sie Ihre Bewertung jetzt anpassen.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(DE, PASS, "Melden Sie sich gern, wenn etwas nicht passt.", "let us know"),
    _must_pass(
        DE,
        PASS,
        "Ihre Bestellnummer ist 302-5593142-8871503, die Sendungsnummer 00340434161234567890.",
        "order id and tracking",
    ),
    _must_pass(DE, PASS, "Wir erstatten Ihnen die Versandkosten, da die Lieferung verspätet war.", "partial refund"),
    _must_pass(FR, PASS, "Dites-nous si quelque chose ne va pas.", "let us know"),
    _must_pass(ES, PASS, "Le hemos reembolsado los gastos de envío por el retraso.", "partial refund"),
    _must_pass(
        IT,
        PASS,
        "Ora che il rimborso è completato, se lo ritiene giusto può modificare la sua valutazione.",
        "neutral update ask once the refund is done",
    ),
    _must_pass(IT, PASS, "Ci scriva pure se qualcosa non funziona.", "let us know"),
]
