# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""German messages kept out of the tuning of the German rules.

The first batch was written before any German rule, the second after the rules were tuned to
tests/compliance/labelled/de.py; each was scored once. bench/compliance.py reports them apart
(`holdout_precision_de`, `holdout_recall_de`): the figure for German messages nobody tuned the
rules to. Do not change the rules to fit one of them; a miss here is listed in KNOWN_MISSES with
its reason. (One author wrote the rules and both batches, so this is not a blind test.)
"""

from functools import partial

from .item import BLOCK, DE, HOLDOUT, PASS, Labelled

_de = partial(Labelled, language=DE, split=HOLDOUT)

MESSAGES: list[Labelled] = [
    # --- the first batch, written before any German rule and scored once: precision 1.000, recall 16/16 ---
    # --- must be refused -----------------------------------------------------------
    _de(
        BLOCK,
        "Hallo Frau Schneider, wenn Sie uns eine Bewertung mit fünf Sternen geben, erstatten wir Ihnen 10 € vom Kaufpreis.",
        "incentive: money back for a five-star review",
    ),
    _de(
        BLOCK,
        "Als kleines Dankeschön für Ihre ehrliche Rezension schicken wir Ihnen gern ein zweites Ladekabel gratis.",
        "incentive: a free cable for a review",
    ),
    _de(
        BLOCK,
        "Wir haben Ihnen den vollen Betrag zurückerstattet. Wäre es Ihnen möglich, die negative Bewertung zu löschen?",
        "feedback removal in the same message as a refund",
    ),
    _de(BLOCK, "Über eine positive Bewertung würden wir uns riesig freuen!", "positive review asked for"),
    _de(
        BLOCK,
        "Sollten Sie mit dem Artikel zufrieden sein, hinterlassen Sie uns bitte eine Bewertung.",
        "review only from satisfied buyers",
    ),
    _de(
        BLOCK,
        "Bitte melden Sie sich zuerst bei uns, bevor Sie eine negative Bewertung schreiben.",
        "diverting negative feedback",
    ),
    _de(
        BLOCK,
        "Unsere komplette Produktpalette finden Sie auch in unserem eigenen Onlineshop.",
        "off-Amazon: own online shop",
    ),
    _de(
        BLOCK,
        "Gerne können Sie die Ersatzteile auch direkt bei uns bestellen, das ist günstiger als bei Amazon.",
        "off-Amazon: order directly",
    ),
    _de(
        BLOCK,
        "Entdecken Sie auch unsere neue Kollektion an Gartenmöbeln – jetzt mit 20 % Rabatt auf Ihre nächste Bestellung.",
        "promotion: new collection and a discount on the next order",
    ),
    _de(
        BLOCK,
        "Für den Expressversand müssten Sie noch 7,90 € per Überweisung nachzahlen.",
        "extra payment by bank transfer",
    ),
    _de(
        BLOCK,
        "Gute Nachrichten: Ihre Bestellung wurde soeben verschickt und ist auf dem Weg zu Ihnen.",
        "shipping notice",
    ),
    _de(BLOCK, "Was soll der Scheiß? Wir haben Ihnen schon zweimal geantwortet.", "profanity"),
    _de(BLOCK, "Sie lügen doch, das Gerät war beim Versand einwandfrei.", "calling the buyer a liar"),
    _de(
        BLOCK,
        "Wenn Sie den A-bis-z-Antrag nicht zurückziehen, schalten wir unseren Anwalt ein.",
        "threat: a lawyer",
    ),
    _de(BLOCK, "Sind Sie eigentlich zu dumm, die Anleitung zu lesen?", "insult"),
    _de(BLOCK, "Leute wie Sie sollten gar nicht erst bei uns bestellen.", "discriminatory generalisation"),
    # --- must pass -----------------------------------------------------------------
    _de(
        PASS,
        "Guten Tag Herr Wagner, wir haben Ihnen die Rückerstattung über 24,99 € heute veranlasst. Sie sollte in 3–5 Werktagen auf Ihrem Konto sein.",
        "refund with an amount, no feedback",
    ),
    _de(
        PASS,
        "Für den Umtausch entstehen Ihnen keine zusätzlichen Kosten, das Rücksendeetikett ist kostenlos.",
        "negated extra costs",
    ),
    _de(
        PASS,
        "Vielen Dank für Ihre Bestellung 302-4829173-5528391. Leider ist die Farbe Anthrazit erst ab dem 14. März wieder verfügbar – möchten Sie warten oder lieber stornieren?",
        "thanks for the order, with a real question",
    ),
    _de(
        PASS,
        "Ihre Sendungsnummer lautet 00340434161094042557, DHL stellt voraussichtlich morgen zu.",
        "DHL tracking number",
    ),
    _de(
        PASS,
        "Die Schrauben M6 liegen im kleinen Beutel unter dem Karton, Artikelnummer GT-2045.",
        "article number",
    ),
    _de(
        PASS,
        "Es tut uns leid, dass der Deckel gesprungen ist. Wir schicken Ihnen kostenlos einen neuen, eine Rücksendung ist nicht nötig.",
        "free replacement, no feedback",
    ),
    _de(
        PASS,
        "Falls Sie Zeit haben, würden wir uns über Ihre Meinung zum Produkt freuen.",
        "neutral request for an opinion",
    ),
    _de(
        PASS,
        "Sie müssen nichts extra bezahlen, der Zoll ist bereits im Preis enthalten.",
        "negated extra payment",
    ),
    _de(
        PASS,
        "Der Akku sollte vor dem ersten Gebrauch vollständig geladen werden, das dauert etwa 4 Stunden.",
        "product answer",
    ),
    _de(
        PASS,
        "Leider können wir die Bewertung nicht selbst ändern oder entfernen, das kann nur Amazon.",
        "explaining who can remove feedback",
    ),
    _de(PASS, "Vielen Dank für Ihre 5-Sterne-Bewertung, das freut unser ganzes Team!", "thanks for a review given"),
    _de(
        PASS,
        "Bitte senden Sie den Artikel in der Originalverpackung zurück; das Etikett finden Sie in Ihrem Amazon-Konto unter Meine Bestellungen.",
        "return instructions",
    ),
    _de(
        PASS,
        "Ein Aufpreis für die größere Variante fällt nicht an, wir tauschen sie Ihnen gern um.",
        "negation after the fee",
    ),
    _de(
        PASS,
        "Wir haben Ihre Nachricht erhalten und kümmern uns bis morgen Mittag darum.",
        "message received, not an order confirmation",
    ),
    _de(
        PASS,
        "Die Lieferung kann sich wegen des Streiks bei der Post um zwei Tage verzögern, wir bitten um Verständnis.",
        "delivery delay",
    ),
    _de(
        PASS,
        "Könnten Sie uns bitte ein Foto vom beschädigten Karton schicken? Dann klären wir das mit dem Versanddienstleister.",
        "asking for a photo",
    ),
    _de(
        PASS,
        "Das Gerät ist mit 230 V und 50 Hz kompatibel, ein Adapter wird nicht benötigt.",
        "numbers with units",
    ),
    _de(
        PASS,
        "Gern erstatten wir Ihnen die Versandkosten von 4,95 €, da der Fehler bei uns lag.",
        "partial refund with a price",
    ),
    _de(
        PASS,
        "Die Garantie beträgt zwei Jahre ab Kaufdatum, bitte heben Sie die Rechnung auf.",
        "warranty",
    ),
    _de(
        PASS,
        "Wir würden uns freuen, wenn Sie nach einigen Wochen Nutzung Ihre Erfahrungen in einer Rezension teilen.",
        "neutral review request",
    ),
    _de(
        PASS,
        "Das Reinigungsmittel ist frei von Gift- und Schadstoffen und für Kinderzimmer geeignet.",
        "'Gift' is German for poison",
    ),
    _de(
        PASS,
        "Keine Sorge, wir haben den Fehler gefunden: Ihr Paket lag im falschen Lager und wird heute neu verschickt.",
        "re-shipment explained, not a notice",
    ),
    _de(
        PASS,
        "Sie bekommen von uns einen Ersatz, sobald der Artikel wieder auf Lager ist – voraussichtlich am 02.04.",
        "replacement with a date",
    ),
    # =============================================================================
    # --- the second batch, written after the German rules were tuned (to de.py) and scored once:
    # precision 1.000, recall 13/16; its misses are in KNOWN_MISSES, untouched ------------------
    _de(
        BLOCK,
        "Liebe Kundin, als Entschädigung für den Ärger senden wir Ihnen gern einen 20-Euro-Gutschein – vorausgesetzt, Sie löschen Ihre 1-Stern-Bewertung.",
        "incentive: a voucher provided the review is deleted",
    ),
    _de(
        BLOCK,
        "Kleine Bitte zum Schluss: Eine 5*-Bewertung würde uns als Familienbetrieb sehr helfen!",
        "positive: '5*' for five stars",
    ),
    _de(
        BLOCK,
        "Sie bekommen 3 Euro per PayPal zurück, sobald Ihre Bewertung online ist.",
        "incentive: money back once the review is online",
    ),
    _de(BLOCK, "Wenn alles passt, lassen Sie uns gern eine positive Rezension da.", "positive review asked for"),
    _de(BLOCK, "Bevor Sie bewerten, geben Sie uns bitte die Chance, das Problem zu lösen.", "diverting feedback"),
    _de(
        BLOCK,
        "Grüezi, Sie können die Filter auch günstiger direkt über unsere Website bestellen.",
        "off-Amazon: own website (Swiss greeting)",
    ),
    _de(
        BLOCK,
        "Liken Sie uns auf Facebook und erhalten Sie Zugang zu exklusiven Aktionen!",
        "off-Amazon and promotion: Facebook, exclusive deals",
    ),
    _de(
        BLOCK,
        "Als Stammkunde erhalten Sie mit dem Code TREUE5 fünf Prozent auf jede weitere Bestellung.",
        "promotion: code for every further order",
    ),
    _de(
        BLOCK,
        "Die Versandkosten in die Schweiz betragen 12,90 €, bitte überweisen Sie diese vorab auf unser Konto.",
        "extra payment: shipping by transfer to our account",
    ),
    _de(
        BLOCK,
        "Die Zollgebühren von 18 CHF müssen Sie leider selbst tragen und bei uns nachzahlen.",
        "extra payment: customs paid to us",
    ),
    _de(
        BLOCK,
        "Hallo Frau Özdemir, wir möchten Ihnen nur kurz mitteilen, dass Ihre Bestellung versendet wurde. Viele Grüße, Ihr Team",
        "shipping notice with a greeting",
    ),
    _de(BLOCK, "Was für ein Blödsinn, natürlich war die Ware in Ordnung, Sie Vollpfosten.", "insult"),
    _de(
        BLOCK,
        "Hören Sie auf zu lügen, das Video zeigt eindeutig, dass das Gerät funktioniert.",
        "calling the buyer a liar",
    ),
    _de(BLOCK, "Wenn Sie den Fall nicht schließen, landet die Sache bei unserem Rechtsanwalt.", "threat: our lawyer"),
    _de(BLOCK, "Das Paket geht an Bahnhofstrasse 22 in 8001 Zürich, richtig?", "street address (Swiss spelling)"),
    _de(
        BLOCK,
        "Bitte nennen Sie uns die Nummer Ihrer Kreditkarte, damit wir den Betrag zurückbuchen können.",
        "asking for the card number",
    ),
    _de(
        PASS,
        "Grüß Gott, der Ersatzakku ist gestern rausgegangen, die Sendungsnummer finden Sie in Ihrem Amazon-Konto.",
        "re-shipment, tracking in Amazon",
    ),
    _de(
        PASS,
        "Vielen Dank für Ihre Geduld! Leider hat sich der Liefertermin auf den 28.05. verschoben.",
        "thanks for patience, new date",
    ),
    _de(
        PASS,
        "Wir bedauern sehr, dass die Lieferung beschädigt ankam, und erstatten Ihnen selbstverständlich den vollen Kaufpreis.",
        "refund for damage",
    ),
    _de(
        PASS,
        "Ein Umtausch ist kostenfrei möglich, Sie müssen lediglich das Rücksendeetikett ausdrucken.",
        "free exchange",
    ),
    _de(
        PASS,
        "Die Bewertung, die Sie erwähnen, stammt nicht von Ihrem Konto, daher können wir sie nicht zuordnen.",
        "a review that is not the buyer's",
    ),
    _de(
        PASS,
        "Wir haben keine zusätzliche Gebühr berechnet; der höhere Betrag ist die Mehrwertsteuer für die Schweiz.",
        "no extra fee charged, VAT explained",
    ),
    _de(PASS, "Die Maschine sollte einmal im Monat entkalkt werden, am besten mit Zitronensäure.", "descaling"),
    _de(
        PASS,
        "Der Hersteller gibt 3 Jahre Garantie, dafür benötigen Sie nur die Rechnung aus Ihrem Amazon-Konto.",
        "manufacturer's warranty",
    ),
    _de(
        PASS,
        "Leider haben wir keinen Einfluss auf die Zustellung durch Hermes, wir haben aber eine Nachforschung beantragt.",
        "carrier trace",
    ),
    _de(
        PASS,
        "Sie haben recht, das war unser Fehler – der falsche Artikel darf gern bei Ihnen bleiben.",
        "our mistake, keep the item",
    ),
    _de(
        PASS, "Die Teile für das Regal liegen in zwei Kartons, der zweite kommt mit separater Sendung.", "second parcel"
    ),
    _de(
        PASS,
        "Wir möchten Ihnen mitteilen, dass der Artikel leider erst in zwei Wochen wieder lieferbar ist. Möchten Sie warten oder stornieren?",
        "'mitteilen' about stock, a real question",
    ),
    _de(PASS, "Für Rückfragen sind wir hier über die Amazon-Nachrichten jederzeit für Sie da.", "questions here"),
    _de(PASS, "Die Erstattung über 7,50 € für das fehlende Zubehör ist veranlasst.", "refund for missing accessory"),
    _de(PASS, "Ihre Reklamation haben wir erhalten und leiten sie an den Hersteller weiter.", "complaint received"),
    _de(PASS, "Eine zusätzliche Zahlung ist für den Ersatz nicht notwendig.", "extra payment negated after the noun"),
    _de(
        PASS,
        "Bitte kontrollieren Sie, ob der Stecker richtig im Netzteil sitzt; das ist der häufigste Fehler.",
        "checking the plug",
    ),
    _de(PASS, "Wenn Sie mit der Lösung einverstanden sind, schicken wir den Ersatz morgen los.", "agreeing a solution"),
    _de(PASS, "Das Kissen ist mit 2 kg Füllung etwas fester, die weichere Variante hat 1,6 kg.", "product comparison"),
    _de(PASS, "Ach herrje, das tut uns wirklich leid! Wir kümmern uns sofort darum.", "apology"),
]
