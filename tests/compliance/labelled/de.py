# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""German messages, as sellers on amazon.de write to their buyers; the German rules are tuned to these.

The must-pass messages hold the German look-alikes: negated fees ("kein Aufpreis", "keine
zusätzlichen Kosten"), refunds with no feedback in sight, thanks for an order followed by a
real answer, Sendungs- and Bestellnummern, and the words German shares with English ("Gift"
is poison, "also" is "so").
"""

from functools import partial

from .item import BLOCK, DE, PASS, Labelled

_de = partial(Labelled, language=DE)

MESSAGES: list[Labelled] = [
    # --- incentives for reviews and feedback ------------------------------------
    _de(
        BLOCK,
        "Für eine 5-Sterne-Bewertung erhalten Sie von uns einen Gutschein über 15 €.",
        "incentive: voucher for five stars",
    ),
    _de(
        BLOCK,
        "Wenn Sie eine Rezension schreiben, schenken wir Ihnen einen Amazon-Gutschein im Wert von 10 Euro.",
        "incentive: gift voucher for a review",
    ),
    _de(
        BLOCK,
        "Hinterlassen Sie uns eine Bewertung und Sie bekommen die Versandkosten zurück!",
        "incentive: shipping back for a review",
    ),
    _de(
        BLOCK,
        "Als Dankeschön für Ihre Bewertung senden wir Ihnen einen Rabattcode über 20 %.",
        "incentive: discount code as thanks",
    ),
    _de(
        BLOCK,
        "Im Gegenzug für ein ehrliches Feedback erstatten wir Ihnen 30 % des Kaufpreises.",
        "incentive: partial refund in return",
    ),
    _de(
        BLOCK,
        "Schreiben Sie einfach eine kurze Bewertung, dann legen wir Ihrer nächsten Lieferung ein kleines Geschenk bei.",
        "incentive: a present with the next delivery",
    ),
    _de(
        BLOCK,
        "Bei einer Produktbewertung mit Foto erhalten Sie ein Gratis-Muster unserer neuen Duftkerze.",
        "incentive: free sample",
    ),
    _de(BLOCK, "Sie bekommen einen Gutschein für eine 5-Sterne-Bewertung.", "incentive: voucher, offer first"),
    # --- feedback change together with compensation -----------------------------
    _de(
        BLOCK,
        "Die Rückerstattung ist veranlasst. Könnten Sie nun bitte Ihre negative Bewertung entfernen?",
        "removal ask in the same message as a refund",
    ),
    _de(
        BLOCK,
        "Wir haben Ihnen eine Gutschrift über 12 € erteilt; würden Sie Ihre Bewertung noch einmal überdenken?",
        "reconsider the review after a credit",
    ),
    _de(
        BLOCK,
        "Wir erstatten Ihnen den Kaufpreis, wenn Sie die 1-Sterne-Bewertung löschen.",
        "refund for deleting a review",
    ),
    _de(
        BLOCK,
        "Ziehen Sie Ihre Bewertung bitte zurück, dann bekommen Sie Ihr Geld zurück.",
        "separable verb: zieht ... zurück, for money",
    ),
    _de(
        BLOCK,
        "Wir haben den Betrag erstattet. Bitte aendern Sie Ihre Bewertung auf fuenf Sterne.",
        "ae/ue spellings: change to five stars after a refund",
    ),
    # --- asking for positive reviews --------------------------------------------
    _de(BLOCK, "Über eine 5-Sterne-Bewertung würden wir uns sehr freuen!", "positive: five stars wished for"),
    _de(
        BLOCK,
        "Bitte bewerten Sie uns mit fünf Sternen, das hilft uns als kleinem Familienunternehmen enorm.",
        "positive: rate us five stars",
    ),
    _de(
        BLOCK,
        "Wenn Ihnen der Artikel gefällt, hinterlassen Sie uns bitte eine Bewertung.",
        "review only if the buyer likes it",
    ),
    _de(
        BLOCK,
        "Bitte hinterlassen Sie keine negative Bewertung, sondern schreiben Sie uns zuerst.",
        "discouraging negative feedback",
    ),
    _de(BLOCK, "Wir hoffen auf eine gute Bewertung von Ihnen!", "positive: a good review hoped for"),
    _de(
        BLOCK,
        "Sind Sie zufrieden, freuen wir uns über eine Bewertung – bei Problemen schreiben Sie uns bitte vorher.",
        "review only from satisfied buyers",
    ),
    # --- off-Amazon channels and promotion --------------------------------------
    _de(BLOCK, "Besuchen Sie unsere Webseite, dort finden Sie alle Anleitungen als Video.", "off-Amazon: own website"),
    _de(
        BLOCK,
        "Beim nächsten Mal können Sie auch direkt bei uns bestellen, dann sparen wir uns die Amazon-Gebühren.",
        "off-Amazon: order directly",
    ),
    _de(
        BLOCK,
        "Senden Sie mir doch Ihre Handynummer, dann rufe ich Sie kurz an.",
        "off-Amazon: asking for a phone number",
    ),
    _de(
        BLOCK,
        "Besuchen Sie unseren Shop unter dem Namen Gartenglück, dort gibt es alles zum Thema Pflanzen.",
        "promotion: visit our shop",
    ),
    _de(BLOCK, "Schauen Sie sich auch unsere anderen Produkte in unserem Amazon-Shop an!", "promotion: other products"),
    _de(
        BLOCK,
        "Mit dem Code DANKE10 erhalten Sie 10 % Rabatt auf Ihre nächste Bestellung.",
        "promotion: discount on the next order",
    ),
    _de(
        BLOCK,
        "Neu im Sortiment: unsere Edelstahl-Trinkflasche – nur solange der Vorrat reicht!",
        "promotion: new product",
    ),
    # --- extra payment ----------------------------------------------------------
    _de(
        BLOCK,
        "Für die größere Ausführung müssten Sie uns bitte noch den Differenzbetrag von 8 € überweisen.",
        "extra payment: the difference by transfer",
    ),
    _de(
        BLOCK,
        "Für den Versand auf die Insel fällt ein Aufpreis von 15 € an, den Sie bitte vorab bezahlen.",
        "extra payment: surcharge",
    ),
    _de(
        BLOCK,
        "Unsere Bankverbindung für die Nachzahlung lautet: Sparkasse Köln, Kontoinhaber Müller Handel.",
        "extra payment: bank details",
    ),
    _de(
        BLOCK,
        "Bitte ueberweisen Sie zusaetzlich 5 Euro, dann versenden wir noch heute.",
        "extra payment in ue/ae spelling",
    ),
    # --- order and shipping confirmations ---------------------------------------
    _de(
        BLOCK, "Hiermit bestätigen wir den Eingang Ihrer Bestellung, sie wird bereits bearbeitet.", "order confirmation"
    ),
    _de(BLOCK, "Versandbestätigung: Ihr Paket wurde heute an DHL übergeben.", "shipping confirmation header"),
    _de(
        BLOCK,
        "Vielen Dank für Ihren Einkauf! Wir möchten Ihnen mitteilen, dass Ihre Bestellung versandt wurde.",
        "thanks plus shipping notice",
    ),
    # --- profanity, insults, liar, threats, discrimination ----------------------
    _de(BLOCK, "Verdammte Scheiße, das ist jetzt schon die dritte Reklamation!", "profanity"),
    _de(BLOCK, "Leck mich doch am Arsch mit Ihrer Rücksendung.", "profanity"),
    _de(BLOCK, "Sie sind wirklich unfähig, den Karton richtig zu öffnen.", "insult: incompetent"),
    _de(BLOCK, "Können Sie nicht lesen? Es steht doch in der Beschreibung.", "insult: can't you read"),
    _de(BLOCK, "Halten Sie einfach den Mund und lesen Sie die Anleitung.", "insult: shut up"),
    _de(BLOCK, "Sie sind ein Lügner, der Artikel war originalverpackt.", "calling the buyer a liar"),
    _de(BLOCK, "Sie Luegner, das Paket wurde laut DHL zugestellt.", "liar, ue spelling"),
    _de(BLOCK, "Ihre Reklamation ist frei erfunden, das wissen wir beide.", "calling the claim made up"),
    _de(BLOCK, "Wir glauben Ihnen kein Wort, das Paket wurde zugestellt.", "disbelieving the buyer"),
    _de(
        BLOCK,
        "Wir werden rechtliche Schritte gegen Sie einleiten, wenn Sie die Ware nicht zurückschicken.",
        "threat: legal action",
    ),
    _de(BLOCK, "Sollten Sie die Bewertung nicht löschen, erstatten wir Anzeige gegen Sie.", "threat: police report"),
    _de(BLOCK, "Das werden Sie noch bereuen.", "threat: regret"),
    _de(BLOCK, "Mit Ausländern wie Ihnen haben wir ständig Ärger.", "discrimination"),
    _de(BLOCK, "Gehen Sie doch zurück in Ihr Land, wenn Ihnen hier nichts passt.", "discrimination: go back"),
    # --- personal data, links, addresses, numbers -------------------------------
    _de(BLOCK, "Wir senden den Ersatz an Lindenstraße 14, 50667 Köln – stimmt das so?", "street address"),
    _de(
        BLOCK, "Ist die Adresse Kölner Strasse 7 in Düsseldorf noch aktuell?", "street address, two words, ss spelling"
    ),
    _de(BLOCK, "Die Anleitung finden Sie unter www.acme-werkzeug.de/anleitung.", "link"),
    _de(BLOCK, "Schreiben Sie uns an service ät acme-werkzeug punkt de.", "email: ät and punkt"),
    _de(BLOCK, "Rufen Sie uns einfach unter 0221 98765432 an.", "phone: national number"),
    _de(BLOCK, "Meine Handynummer: 01761234567", "phone: unformatted mobile with a cue"),
    _de(
        BLOCK,
        "Bitte teilen Sie uns Ihre Kreditkartennummer mit, damit wir die Erstattung vornehmen können.",
        "asking for card details",
    ),
    _de(
        BLOCK,
        "Sie erreichen mich unter null eins sieben sechs eins zwei drei vier fünf sechs sieben.",
        "phone: digits as German words",
    ),
    # =============================================================================
    # --- fees and payments, negated or explained --------------------------------
    _de(PASS, "Für den Umtausch fällt kein Aufpreis an.", "no surcharge"),
    _de(
        PASS,
        "Es entstehen Ihnen keine zusätzlichen Kosten, wir übernehmen auch den Rückversand.",
        "no additional costs",
    ),
    _de(
        PASS, "Ohne zusätzliche Kosten tauschen wir Ihnen den Artikel gegen die Größe M um.", "without additional costs"
    ),
    _de(
        PASS,
        "Eine Nachzahlung ist nicht erforderlich, der Rabatt wurde automatisch an der Kasse abgezogen.",
        "extra payment negated after the noun",
    ),
    _de(PASS, "Sie müssen die Rücksendung nicht bezahlen, das Etikett ist vorfrankiert.", "negated payment"),
    _de(
        PASS,
        "Zusätzliche Versandkosten haben wir Ihnen nicht berechnet, die Rechnung zeigt nur den Artikelpreis.",
        "extra costs not charged",
    ),
    _de(
        PASS, "Die Bezahlung läuft ausschließlich über Amazon, Sie müssen nichts weiter tun.", "payment through Amazon"
    ),
    _de(PASS, "Der Aufpreis für die Expresslieferung wurde Ihnen von Amazon bereits erstattet.", "surcharge refunded"),
    _de(
        PASS,
        "Der Preis enthält bereits die Mehrwertsteuer, eine Rechnung finden Sie in Ihrem Amazon-Konto.",
        "VAT included",
    ),
    # --- refunds and replacements, no feedback in sight --------------------------
    _de(PASS, "Sie erhalten eine Rückerstattung, sobald die Rücksendung bei uns eingegangen ist.", "refund on return"),
    _de(
        PASS,
        "Wir haben Ihnen die Versandkosten in Höhe von 4,99 € erstattet, da die Lieferung zu spät kam.",
        "shipping refunded",
    ),
    _de(
        PASS,
        "Entschuldigen Sie bitte die Verwechslung; die richtige Farbe ist bereits unterwegs, den falschen Artikel dürfen Sie behalten.",
        "keep the wrong item",
    ),
    _de(PASS, "Wir haben Ihre Rücksendung geprüft und die Erstattung über 39,90 € freigegeben.", "refund approved"),
    _de(
        PASS,
        "Falls der Ersatz auch nicht passt, melden Sie sich einfach, dann erstatten wir Ihnen den vollen Betrag.",
        "refund offer",
    ),
    _de(
        PASS,
        "Leider ist der Artikel nicht mehr lieferbar, daher haben wir Ihre Bestellung storniert und den Betrag erstattet.",
        "cancelled and refunded",
    ),
    _de(
        PASS,
        "Wir bedauern, dass die Tasse beschädigt ankam. Ein neues Exemplar ist kostenlos für Sie unterwegs.",
        "free replacement",
    ),
    _de(PASS, "Ein kostenloses Ersatzteil ist schon unterwegs, die Sendungsnummer folgt morgen.", "free spare part"),
    _de(PASS, "Der Kaufpreis von 59,00 € wurde Ihrem Konto bereits gutgeschrieben.", "credited"),
    _de(
        PASS,
        "Ihre Stornierung wurde bearbeitet, der Betrag wird in 3–5 Werktagen auf Ihrem Zahlungsmittel gutgeschrieben.",
        "cancellation processed",
    ),
    _de(
        PASS,
        "Es tut uns leid, dass Sie mit dem Kissen nicht zufrieden sind. Möchten Sie es zurückschicken?",
        "not satisfied: return",
    ),
    # --- reviews mentioned, nothing asked for -----------------------------------
    _de(
        PASS,
        "Wenn Sie mögen, teilen Sie Ihre Erfahrungen mit dem Produkt gern in einer Bewertung.",
        "neutral review request",
    ),
    _de(
        PASS,
        "Vielen Dank für Ihr ehrliches Feedback zur Passform, wir geben es an unser Designteam weiter.",
        "thanks for feedback",
    ),
    _de(
        PASS,
        "Vielen Dank für Ihre Bewertung! Wir haben Ihr Problem an die Technik weitergegeben.",
        "thanks for a review",
    ),
    _de(
        PASS,
        "Wir können Bewertungen weder ändern noch löschen, das kann nur der Käufer selbst.",
        "explaining feedback removal",
    ),
    _de(
        PASS,
        "Leider dürfen wir Ihnen für eine Bewertung nichts anbieten, aber wir helfen gern bei Ihrem Problem.",
        "refusing to offer anything for a review",
    ),
    _de(
        PASS,
        "Das Produkt wurde von unabhängigen Testern mit der Note „sehr gut“ bewertet.",
        "a test rating, nothing asked",
    ),
    # --- order and shipping facts, answered ---------------------------------------
    _de(
        PASS,
        "Vielen Dank für Ihre Bestellung! Zu Ihrer Frage: Der Bezug ist bei 30 °C waschbar und trocknergeeignet.",
        "thanks for the order, then an answer",
    ),
    _de(
        BLOCK,
        "Ihre Bestellung 028-1234567-7654321 wurde am 12.03. mit DHL verschickt, die Sendungsnummer lautet 00340434161234567890.",
        "relabelled: a shipping notice with tracking, when nothing in it answers a question",
    ),
    _de(PASS, "Die Sendungsverfolgung zeigt, dass Ihr Paket im Verteilzentrum Hamburg liegt.", "tracking status"),
    _de(
        PASS,
        "Amazon hat uns informiert, dass Ihr Paket als unzustellbar zurückkam. Sollen wir es erneut versenden?",
        "parcel returned to sender",
    ),
    _de(
        PASS,
        "Die Ware wird aus unserem Lager in Leipzig verschickt und ist in 1–2 Werktagen bei Ihnen.",
        "where it ships from",
    ),
    _de(
        PASS,
        "Ist das Paket inzwischen angekommen? Laut DHL wurde es am Dienstag in der Packstation 123 hinterlegt.",
        "Packstation",
    ),
    _de(
        PASS,
        "Die Bestellnummer 028-7654321-1234567 finden Sie auch in der Bestätigungsmail von Amazon.",
        "Amazon's confirmation mail mentioned",
    ),
    _de(
        PASS,
        "Herzlichen Dank für Ihren Einkauf und Ihre Geduld mit der Lieferung – das Ersatzteil liegt jetzt bei.",
        "thanks for buying, no notice",
    ),
    _de(PASS, "Die Lieferung erfolgt voraussichtlich zwischen dem 14.05. und 16.05.2024.", "delivery dates"),
    _de(
        PASS,
        "Unser Versandlager ist vom 24.12. bis 01.01. geschlossen; Bestellungen werden ab dem 02.01. bearbeitet.",
        "holiday closure",
    ),
    _de(PASS, "Bitte geben Sie bei der Rücksendung die Bestellnummer 302-9876543-1234567 an.", "order id"),
    _de(
        PASS,
        "Ihre Retourennummer lautet 0123 4567 8901, bitte notieren Sie sie auf dem Paket.",
        "return number that looks like a phone number",
    ),
    _de(PASS, "Könnten Sie uns die Seriennummer SN 7734-2210-9981 vom Typenschild nennen?", "serial number"),
    _de(PASS, "Der Ersatz kommt bald, spätestens am Freitag.", "'bald' is German for soon"),
    # --- product answers ----------------------------------------------------------
    _de(
        PASS,
        "Bitte entfernen Sie vor dem ersten Gebrauch die Schutzfolie vom Display.",
        "remove the film, not feedback",
    ),
    _de(PASS, "Das Netzteil hat die Artikelnummer NT-12V-2A und ist separat erhältlich.", "article number"),
    _de(PASS, "Unser Kundenservice ist Montag bis Freitag von 8:00 bis 17:00 Uhr erreichbar.", "opening hours"),
    _de(
        PASS,
        "Haben Sie das Gerät schon einmal zurückgesetzt? Halten Sie dazu die Taste 10 Sekunden gedrückt.",
        "reset instructions",
    ),
    _de(PASS, "Gerne senden wir Ihnen die Rechnung als PDF über die Amazon-Nachrichten.", "invoice through Amazon"),
    _de(PASS, "Bitte verwenden Sie nur das mitgelieferte Ladegerät mit 5 V / 2 A.", "charger"),
    _de(
        PASS, "Ihre Reklamation ist bei uns angekommen; wir melden uns innerhalb von 24 Stunden.", "complaint received"
    ),
    _de(PASS, "Achtung: Der Reiniger ist Gift für Fische, bitte nicht ins Abwasser geben.", "'Gift' is poison"),
    _de(PASS, "Bitte schreiben Sie uns kurz, welche Größe Sie benötigen, dann tauschen wir sie um.", "exchange"),
    _de(
        PASS,
        "Die Bedienungsanleitung liegt auf Deutsch und Englisch bei, Seite 12 erklärt die Wandmontage.",
        "manual page",
    ),
    _de(
        PASS,
        "Wir haben den Artikel noch einmal geprüft: Die Maße sind 40 x 30 x 12 cm, das Gewicht beträgt 2,3 kg.",
        "measurements",
    ),
    _de(PASS, "Bei Fragen zur Rücksendung helfen wir Ihnen gern weiter.", "offer to help"),
    _de(
        PASS,
        "Hallo Herr Becker, das Ventil sitzt unter der Abdeckung links. Ein kurzes Video dazu finden Sie auf der Produktseite bei Amazon.",
        "video on the Amazon product page",
    ),
    _de(
        PASS,
        "Wir bieten leider keinen Expressversand an, die Standardlieferung dauert 2–3 Tage.",
        "no express shipping",
    ),
    _de(
        PASS,
        "Wir haben die Adresse aus Ihrer Bestellung verwendet, bitte prüfen Sie die Hausnummer im Amazon-Konto.",
        "address referred to, not written",
    ),
    _de(
        PASS,
        "Gern beantworten wir auch weitere Fragen zum Produkt hier über die Amazon-Nachrichten.",
        "more questions here",
    ),
    _de(
        PASS,
        "Der Artikel ist ab sofort wieder auf Lager, Ihre Nachbestellung können Sie wie gewohnt über Amazon aufgeben.",
        "back in stock, answering the buyer",
    ),
    _de(
        PASS,
        "Wir schicken Ihnen also heute einen neuen Filter, die alte Kartusche können Sie entsorgen.",
        "'also' is German for so",
    ),
    # --- everyday answers ------------------------------------------------------------
    _de(
        PASS,
        "Guten Morgen Frau Yilmaz, die Matratze darf nach dem Auspacken 48 Stunden auslüften, dann verschwindet der Geruch.",
        "product care",
    ),
    _de(
        PASS,
        "Der Deckel ist spülmaschinenfest, die Kanne selbst sollte aber von Hand gespült werden.",
        "care instructions",
    ),
    _de(
        PASS,
        "Leider ist beim Verpacken ein Fehler passiert: Es fehlt das zweite Kissen. Wir schicken es Ihnen heute nach.",
        "missing item sent",
    ),
    _de(
        PASS,
        "Die Farbe auf dem Foto wirkt durch das Licht etwas heller, der Stoff ist tatsächlich dunkelgrau.",
        "'heller' is not 'hell'",
    ),
    _de(
        PASS,
        "Das Rücksendeetikett haben wir Ihnen über Amazon zur Verfügung gestellt, es ist für Sie kostenlos.",
        "free return label",
    ),
    _de(
        PASS,
        "Die Lieferzeit nach Österreich beträgt leider 5–7 Werktage, da wir aus Deutschland versenden.",
        "delivery to Austria",
    ),
    _de(
        PASS,
        "Vielen Dank für Ihre Nachricht und die Fotos. Der Riss ist deutlich zu sehen, wir senden Ihnen Ersatz.",
        "thanks for photos",
    ),
    _de(
        PASS,
        "Können Sie uns sagen, ob die Kontrollleuchte rot oder grün blinkt? Dann wissen wir, was defekt ist.",
        "diagnosis question",
    ),
    _de(
        PASS,
        "Die Teilerstattung über 10 € haben wir soeben veranlasst, den Rest behalten Sie bitte als Ausgleich für den Kratzer.",
        "partial refund for a scratch",
    ),
    _de(
        PASS,
        "Wir haben bei DHL einen Nachforschungsauftrag gestellt, das dauert in der Regel bis zu 8 Tage.",
        "parcel trace",
    ),
    _de(
        PASS,
        "Falls das Paket bis Montag nicht ankommt, schicken wir Ihnen selbstverständlich kostenlos einen Ersatz.",
        "replacement if lost",
    ),
    _de(PASS, "Das Ladekabel ist USB-C auf USB-C, 1 m lang und unterstützt bis zu 60 W.", "cable specs"),
    _de(
        PASS,
        "Ihre Bestellung enthält zwei Pakete; das zweite folgt mit der Sendungsnummer 00340434161234500012.",
        "second parcel tracking",
    ),
    _de(
        PASS,
        "Die Garantie läuft über den Hersteller, wir kümmern uns aber gern um die Abwicklung für Sie.",
        "warranty handling",
    ),
    _de(PASS, "Es freut uns sehr, dass der Ersatz jetzt passt! Viel Spaß damit.", "glad it fits"),
    _de(
        PASS,
        "Der Zoll ist bei Lieferungen innerhalb der EU nicht relevant, es fallen also keine Gebühren an.",
        "no customs in the EU",
    ),
    _de(
        PASS,
        "Wir haben Ihre Adresse nicht geändert; bitte prüfen Sie die Lieferadresse in Ihrem Amazon-Konto.",
        "address check",
    ),
    _de(
        PASS,
        "Die Bewertungen anderer Kunden zur Größe sind gemischt, wir empfehlen eine Nummer größer.",
        "other buyers' reviews mentioned",
    ),
    _de(PASS, "Das Set besteht aus 5 Töpfen und 5 Deckeln, die Griffe bleiben beim Kochen kühl.", "set contents"),
    _de(
        PASS,
        "Wir haben den Vorgang an Amazon weitergeleitet; die A-bis-z-Garantie prüft Amazon selbst.",
        "A-to-z handled by Amazon",
    ),
    _de(PASS, "Sie können die Rücksendung bis zum 30.06.2024 über Ihr Amazon-Konto anmelden.", "return deadline"),
    _de(
        PASS,
        "Entschuldigung für die späte Antwort, wir waren wegen einer Messe zwei Tage nicht im Büro.",
        "late answer",
    ),
    # --- negated wording ----------------------------------------------------------
    _de(PASS, "Das ist keine dumme Frage, das passiert vielen Kunden beim ersten Aufbau.", "negated insult"),
    _de(
        PASS,
        "Wir werden keine rechtlichen Schritte einleiten, sondern möchten das gemeinsam klären.",
        "negated threat",
    ),
    _de(
        PASS,
        "Wir unterstellen Ihnen nicht, dass Sie lügen; wir möchten den Schaden nur verstehen.",
        "negation before a dass-clause",
    ),
    # --- a second batch, written after the first German rules and scored once before being tuned to
    # (precision 1.000, recall 13/21); since then it is tuning data like the rest of this module -----------
    _de(
        BLOCK,
        "Hallo! Kleiner Tipp: Wer uns 5 Sterne gibt, bekommt beim nächsten Kauf 10% Nachlass.",
        "incentive: discount for five stars",
    ),
    _de(
        BLOCK,
        "Sehr geehrter Kunde, für Ihre Mühe mit einer Rezension möchten wir Ihnen 5 Euro auf Ihr Konto gutschreiben.",
        "incentive: money credited for a review",
    ),
    _de(
        BLOCK,
        "Wir schicken Ihnen gerne ein weiteres Exemplar umsonst, wenn Sie Ihre Bewertung entsprechend anpassen.",
        "incentive: a free item for changing the review",
    ),
    _de(
        BLOCK,
        "Jetzt wo das Problem gelöst ist und Sie Ihr Geld zurück haben: könnten Sie die 2-Sterne-Bewertung noch einmal anpassen?",
        "review change next to the money back",
    ),
    _de(BLOCK, "Wir wären Ihnen sehr dankbar für eine Fünf-Sterne-Bewertung.", "positive: five stars, grateful"),
    _de(
        BLOCK,
        "Nur wenn Sie rundum zufrieden sind, freuen wir uns über Ihre Bewertung auf Amazon.",
        "review only from satisfied buyers",
    ),
    _de(
        BLOCK,
        "Bei Problemen bitte zuerst uns kontaktieren und nicht gleich schlecht bewerten.",
        "discouraging a bad rating",
    ),
    _de(BLOCK, "Sie finden uns übrigens auch auf eBay unter dem Namen gartenprofi24.", "off-Amazon: other marketplace"),
    _de(BLOCK, "Noch günstiger bekommen Sie unsere Produkte in unserem Webshop.", "off-Amazon: own web shop"),
    _de(
        BLOCK,
        "Übrigens: Unser neues Modell X200 ist ab sofort erhältlich – schauen Sie doch mal rein!",
        "promotion: new model",
    ),
    _de(
        BLOCK,
        "Die Nachlieferung kostet leider 4,50 € Porto, die Sie uns bitte per PayPal Freunde senden.",
        "extra payment: postage by PayPal",
    ),
    _de(
        BLOCK,
        "Der Differenzbetrag in Höhe von 12 € ist bitte innerhalb von 7 Tagen zu überweisen.",
        "extra payment: the difference",
    ),
    _de(
        BLOCK,
        "Wir freuen uns, Ihnen mitteilen zu können, dass Ihre Bestellung heute unser Lager verlassen hat.",
        "shipping notice, verb last",
    ),
    _de(BLOCK, "Verdammt nochmal, lesen Sie doch einfach die Beschreibung!", "profanity"),
    _de(BLOCK, "Sie sind echt das Letzte.", "insult"),
    _de(BLOCK, "Ihre Behauptung, das Paket sei leer gewesen, ist eine glatte Lüge.", "calling the claim a lie"),
    _de(BLOCK, "Wir haben den Verdacht, dass Sie uns betrügen wollen.", "accusing the buyer of fraud"),
    _de(
        BLOCK,
        "Falls Sie den Artikel nicht innerhalb von 3 Tagen zurücksenden, werden wir ein Inkassounternehmen beauftragen.",
        "threat: debt collector",
    ),
    _de(BLOCK, "Wir werden Ihr Verhalten bei Amazon melden und Ihr Konto sperren lassen.", "threat: report and ban"),
    _de(BLOCK, "Mit Leuten aus Ihrem Land haben wir nur Probleme.", "discrimination: people from your country"),
    _de(BLOCK, "Du bist so ein Vollidiot.", "insult, du-form"),
    _de(
        PASS,
        "Hallo Herr Krüger, leider ist beim Transport die Glasplatte zu Bruch gegangen. Wir senden Ihnen umgehend eine neue zu – natürlich ohne Kosten für Sie.",
        "free replacement",
    ),
    _de(
        PASS,
        "Die Rücksendung ist bis zum 15.07. möglich; danach greift die gesetzliche Gewährleistung.",
        "return deadline",
    ),
    _de(PASS, "Das Gerät darf nicht in der Spülmaschine gereinigt werden.", "care instructions"),
    _de(
        PASS,
        "Ihre Erstattung wurde angewiesen; je nach Bank kann es 3–5 Tage dauern, bis der Betrag gutgeschrieben ist.",
        "refund timing",
    ),
    _de(
        PASS,
        "Vielen Dank für den Hinweis mit dem Tippfehler in der Anleitung, wir korrigieren das in der nächsten Auflage.",
        "thanks for a hint",
    ),
    _de(PASS, "Ja, der Bezug ist abnehmbar und bei 40 Grad waschbar.", "product answer"),
    _de(
        PASS,
        "Wir haben Ihnen 15 % des Kaufpreises erstattet, da der Artikel einen kleinen Kratzer hat.",
        "partial refund with a percentage",
    ),
    _de(
        PASS,
        "Leider können wir nicht nach Norwegen versenden, da Amazon dies für unser Konto nicht anbietet.",
        "shipping restriction",
    ),
    _de(
        PASS,
        "Die Tracking-ID lautet H1004567890123456789, Hermes stellt in der Regel innerhalb von 2 Tagen zu.",
        "Hermes tracking id",
    ),
    _de(
        PASS,
        "Sollte das Ersatzteil nicht passen, schicken Sie es einfach über Ihr Amazon-Konto zurück.",
        "return through Amazon",
    ),
    _de(PASS, "Unser Techniker empfiehlt, die Pumpe einmal mit Essigwasser durchzuspülen.", "technician's advice"),
    _de(
        PASS,
        "Für die Rücksendung benötigen Sie keinen Drucker, der QR-Code reicht bei der Packstation.",
        "QR code return",
    ),
    _de(PASS, "Es tut mir leid, dass Sie so lange warten mussten. Das ist nicht unser Anspruch.", "apology"),
    _de(PASS, "Wir verstehen Ihren Ärger absolut und entschuldigen uns für die Unannehmlichkeiten.", "apology"),
    _de(
        PASS,
        "Eine Bewertung können Sie wie gewohnt über Ihre Bestellübersicht abgeben, wenn Sie möchten.",
        "neutral review request",
    ),
    _de(PASS, "Der Aufbau dauert etwa 30 Minuten, zwei Personen sind empfehlenswert.", "assembly time"),
    _de(PASS, "Die Farbe heißt offiziell „Salbeigrün“ und ist etwas heller als auf dem Foto.", "colour name"),
    _de(
        PASS,
        "Wir können die Bestellung leider nicht mehr ändern, da sie bereits an DHL übergeben wurde.",
        "order already with DHL",
    ),
    _de(
        PASS,
        "Ihre Rückfrage zur Rechnung haben wir an unsere Buchhaltung weitergegeben, Sie hören bis Freitag von uns.",
        "invoice question forwarded",
    ),
    _de(PASS, "Selbstverständlich entstehen Ihnen durch den Umtausch keine weiteren Kosten.", "no further costs"),
    _de(
        PASS,
        "Wir haben die Bestellung storniert; eine Zahlung ist nicht erfolgt, daher müssen Sie nichts weiter unternehmen.",
        "cancelled, nothing paid",
    ),
    _de(PASS, "Laut DHL wurde das Paket beim Nachbarn, Familie Schulz, abgegeben.", "left with a neighbour"),
    _de(PASS, "Der Akku hat 5000 mAh und lädt über USB-C in etwa 3 Stunden.", "battery specs"),
]
