# ruff: noqa: E501  (one labelled message a line reads better than wrapped strings)
"""English messages (and two with a German phone number or address in them, labelled English as
they were first written)."""

from .item import BLOCK, PASS, Labelled

MESSAGES: list[Labelled] = [
    # --- links and web addresses -------------------------------------------------
    Labelled(
        BLOCK,
        "Hi Sarah, you can find the manual at https://acme-tools.com/manuals/drill.pdf. Best, Tom",
        "link: https URL",
    ),
    Labelled(BLOCK, "Please visit www.acmetools.com for setup videos.", "link: www address"),
    Labelled(BLOCK, "Our setup guide is on acmetools.com/setup if you need it.", "link: bare domain with a path"),
    Labelled(BLOCK, "Check out www . acmetools . com for more tips.", "link: spaced-out dots"),
    Labelled(BLOCK, "The instructions are at acmetools dot com slash help.", "link: 'dot' written out"),
    Labelled(BLOCK, "Go to hxxp://acme-tools.net/guide for the PDF.", "link: defanged hxxp scheme"),
    Labelled(BLOCK, "You can download the driver from acme-tools[.]com/drivers", "link: defanged [.]"),
    Labelled(
        BLOCK, "There is a short video on youtube.com/watch?v=abc123 that shows the assembly.", "link: video site"
    ),
    Labelled(
        BLOCK,
        "Here is the tracking page: https://www.ups.com/track?tracknum=1Z999AA10123456784",
        "link: carrier URL, even with a tracking number",
    ),
    Labelled(
        BLOCK, "You can start the return at https://www.amazon.com/returns", "link: Amazon's own URL, not allow-listed"
    ),
    Labelled(BLOCK, "See w w w . a c m e t o o l s . c o m for the manual.", "link: every letter spaced out"),
    Labelled(BLOCK, "Visit acmetools(dot)com for the warranty form.", "link: (dot)"),
    Labelled(BLOCK, "Our site acmetools.shop has all the spare parts.", "link: new gTLD"),
    Labelled(BLOCK, "Download it from bit.ly/3xYz12 please.", "link: URL shortener"),
    Labelled(BLOCK, "See Ｗｗｗ．ａｃｍｅｔｏｏｌｓ．ｃｏｍ for the manual.", "link: full-width characters"),
    Labelled(BLOCK, "The replacement part is listed at acmetools.co.uk/parts/17", "link: co.uk"),
    Labelled(BLOCK, "Our shop: acme-tools DOT com", "link: DOT in capitals"),
    Labelled(BLOCK, "Just visit acmetools .com and search for the model.", "link: space before the dot"),
    Labelled(BLOCK, "Type www acmetools com into your browser.", "link: www and tld without dots"),
    Labelled(BLOCK, "The manual is at acmetооls.com (the o's are Cyrillic).", "link: homoglyph letters"),
    # --- email addresses ---------------------------------------------------------
    Labelled(BLOCK, "Write to us at support@acmetools.com and we will help.", "email: plain"),
    Labelled(BLOCK, "Email me: tom.baker (at) gmail (dot) com", "email: (at) and (dot)"),
    Labelled(BLOCK, "Reach our team at help [at] acmetools [dot] com", "email: [at] and [dot]"),
    Labelled(BLOCK, "You can contact tom at acmetools dot com directly.", "email: ' at ' and ' dot '"),
    Labelled(BLOCK, "Please reply to service＠acmetools.com", "email: full-width at sign"),
    Labelled(
        BLOCK,
        "Send the photos to 9xk2lm4q7r8s@marketplace.amazon.com please.",
        "email: Amazon's relay address is still an email",
    ),
    Labelled(BLOCK, "You can email the receipt to me at t.baker+amz@outlook.com", "email: plus addressing"),
    Labelled(BLOCK, "Contact us at tom dot baker at gmail dot com for anything.", "email: local part with 'dot'"),
    # --- phone numbers -----------------------------------------------------------
    Labelled(BLOCK, "Call us at (555) 123-4567 any weekday.", "phone: US format"),
    Labelled(BLOCK, "Our hotline is +1 800 555 0199.", "phone: international"),
    Labelled(BLOCK, "Text me on 555.123.4567 if it's urgent.", "phone: dotted US"),
    Labelled(BLOCK, "Ring our UK office on 020 7946 0958.", "phone: UK national"),
    Labelled(BLOCK, "WhatsApp: +44 7700 900123", "phone and messaging app"),
    Labelled(BLOCK, "Call 1-800-FIX-TOOL anytime for help.", "phone: vanity number"),
    Labelled(BLOCK, "My number is five five five, one two three, four five six seven.", "phone: digits as words"),
    Labelled(BLOCK, "Call 5 5 5 1 2 3 4 5 6 7 for a quick fix.", "phone: spaced digits"),
    Labelled(BLOCK, "Unsere Hotline: +49 30 12345678", "phone: German international"),
    Labelled(BLOCK, "Phone me at 5551234567 and we can sort it out.", "phone: unformatted, with a cue"),
    Labelled(BLOCK, "Call me on zero seven seven zero zero nine zero zero one two three.", "phone: UK mobile as words"),
    # --- incentives for reviews and feedback ------------------------------------
    Labelled(
        BLOCK, "If you leave us a 5-star review we will refund your order in full.", "incentive: refund for review"
    ),
    Labelled(
        BLOCK,
        "We'd be happy to send you a $20 gift card in exchange for an honest review.",
        "incentive: gift card for an 'honest' review",
    ),
    Labelled(BLOCK, "Leave a review and get a free replacement bottle!", "incentive: free product"),
    Labelled(BLOCK, "Post a photo review and we will send you a 20% discount code.", "incentive: discount code"),
    Labelled(
        BLOCK, "Once you update your feedback, we can issue a partial refund.", "feedback change for compensation"
    ),
    Labelled(
        BLOCK,
        "We have refunded you in full. Could you please remove the negative feedback you left?",
        "feedback removal in the same message as a refund",
    ),
    Labelled(
        BLOCK, "Please change your rating to 5 stars and we will send a free gift.", "incentive and positive rating"
    ),
    Labelled(
        BLOCK, "As a thank you for your review, you'll receive a coupon for 15% off.", "incentive: coupon for review"
    ),
    Labelled(
        BLOCK, "We can reimburse the shipping cost if you revise your review.", "incentive: reimbursement for revising"
    ),
    Labelled(BLOCK, "Write a review for us and we'll send you a bonus accessory kit.", "incentive: bonus product"),
    Labelled(BLOCK, "Delete the 1-star review and I will refund you $10.", "removal for money"),
    Labelled(
        PASS,
        "We sent a replacement at no cost. Would you consider updating your review now that it's sorted?",
        "relabelled: a neutral ask to update the review once the problem is solved and the replacement sent, nothing "
        "offered in exchange (advisory only)",
    ),
    # --- asking for positive feedback -------------------------------------------
    Labelled(BLOCK, "Please leave us 5 stars if you can!", "positive: 5 stars"),
    Labelled(BLOCK, "We would really appreciate a positive feedback from you.", "positive feedback"),
    Labelled(
        BLOCK,
        "If you are happy with your purchase, please leave a review. If not, contact us first.",
        "review only from happy buyers",
    ),
    Labelled(BLOCK, "Please give us a five star rating, it helps our small business a lot.", "five star rating"),
    Labelled(BLOCK, "Could you rate us 5 stars on Amazon?", "rate us 5 stars"),
    Labelled(BLOCK, "Only leave a review if you loved the product.", "selective review request"),
    Labelled(
        BLOCK, "Please contact us before leaving negative feedback so we can fix it.", "diverting negative feedback"
    ),
    Labelled(BLOCK, "A glowing review would mean the world to us!", "positive review"),
    Labelled(BLOCK, "We hope you'll leave great feedback for our shop.", "great feedback"),
    Labelled(BLOCK, "Please don't forget to leave a 5★ review!", "star symbol"),
    Labelled(BLOCK, "Please do not leave negative feedback, message us instead.", "discouraging negative feedback"),
    # --- promotion and off-Amazon channels --------------------------------------
    Labelled(
        BLOCK,
        "Check out our other products in our storefront, you may also like our new travel mugs!",
        "promotion: other products",
    ),
    Labelled(BLOCK, "Follow us on Instagram for new arrivals and special offers.", "off-Amazon: social media"),
    Labelled(BLOCK, "We also sell on eBay, where it's cheaper.", "off-Amazon: other marketplace"),
    Labelled(BLOCK, "Join our VIP newsletter to get early access to new products.", "promotion: newsletter"),
    Labelled(BLOCK, "Next time, order directly from us and save the Amazon fees.", "off-Amazon: order directly"),
    Labelled(BLOCK, "Add me on WhatsApp so we can talk outside Amazon.", "off-Amazon: messaging app"),
    Labelled(BLOCK, "Find us on Facebook: @AcmeToolsOfficial", "off-Amazon: social handle"),
    Labelled(
        BLOCK,
        "Our new lawn sprinkler just launched, grab yours while the launch offer lasts!",
        "promotion: new product",
    ),
    Labelled(BLOCK, "Use code THANKS10 for 10% off your next order.", "promotion: discount on next order"),
    Labelled(BLOCK, "Search for AcmeTools on Google to find our own website.", "off-Amazon: own website"),
    # --- extra payment -----------------------------------------------------------
    Labelled(
        BLOCK,
        "The replacement needs an additional payment of $12 for shipping; please send it via PayPal.",
        "extra payment via PayPal",
    ),
    Labelled(BLOCK, "To upgrade to the premium model, please pay the difference of $15.", "pay the difference"),
    Labelled(
        BLOCK, "Please transfer the customs fee to our bank account, IBAN DE89 3704 0044 0532 0130 00.", "bank transfer"
    ),
    Labelled(BLOCK, "We can ship faster if you pay an extra $5 express fee.", "extra fee"),
    Labelled(BLOCK, "Send the remaining balance through Venmo and we'll ship today.", "payment app"),
    # --- order and shipping confirmations ----------------------------------------
    Labelled(
        BLOCK, "Good news! Your order 112-1234567-1234567 has shipped and is on its way.", "shipping confirmation"
    ),
    Labelled(
        BLOCK,
        "This message is to confirm that we have received your order and it is being processed.",
        "order confirmation",
    ),
    Labelled(BLOCK, "Order confirmation: thank you for your purchase of the Acme Drill.", "order confirmation header"),
    Labelled(
        BLOCK,
        "Shipping confirmation - your package was dispatched today with Royal Mail.",
        "shipping confirmation header",
    ),
    Labelled(BLOCK, "We are pleased to let you know your order has been dispatched.", "dispatch notice"),
    Labelled(
        BLOCK,
        "Thank you for your order! We just wanted to let you know it has shipped.",
        "thank-you plus shipping notice",
    ),
    # --- profanity, insults, threats, discrimination, calling the buyer a liar --
    Labelled(BLOCK, "This is the third time you've asked, are you stupid?", "insult"),
    Labelled(BLOCK, "Stop wasting our time with this crap.", "profanity"),
    Labelled(BLOCK, "You're a liar, the box was sealed when it left us.", "calling the buyer a liar"),
    Labelled(BLOCK, "We know you are lying about the damage.", "accusing the buyer of lying"),
    Labelled(BLOCK, "If you don't withdraw the claim, we will take legal action against you.", "threat: legal action"),
    Labelled(BLOCK, "You'll regret opening that A-to-z claim.", "threat"),
    Labelled(
        BLOCK, "People like you always try to scam honest sellers.", "discriminatory generalisation and accusation"
    ),
    Labelled(BLOCK, "What the f*ck is wrong with you?", "profanity with an asterisk"),
    Labelled(BLOCK, "This is total bullsh1t.", "profanity with a digit"),
    Labelled(BLOCK, "You idiot, read the manual.", "insult"),
    Labelled(BLOCK, "We will report you to the police if you don't return the item.", "threat"),
    Labelled(BLOCK, "Go back to where you came from.", "discrimination"),
    Labelled(BLOCK, "Your claim is a lie and you know it.", "calling the claim a lie"),
    Labelled(BLOCK, "Honestly you people are impossible to please.", "'you people'"),
    Labelled(BLOCK, "What the f u c k do you want from us?", "spaced-out profanity"),
    # --- buyer personal data -----------------------------------------------------
    Labelled(BLOCK, "We'll ship the replacement to 742 Evergreen Terrace, Springfield, OR 97403.", "street address"),
    Labelled(BLOCK, "The card we have on file is 4111 1111 1111 1111, please confirm.", "card number"),
    Labelled(BLOCK, "Your address is Hauptstraße 12, 10115 Berlin, is that right?", "German street address"),
    Labelled(BLOCK, "Is 221B Baker Street, London NW1 6XE still the right address?", "UK street address"),
    Labelled(BLOCK, "The charge went to card 5500-0000-0000-0004.", "card number with hyphens"),
    # =============================================================================
    # --- legitimate: order ids, tracking numbers, identifiers --------------------
    Labelled(
        BLOCK,
        "Hi John, your order 112-1234567-1234567 shipped with UPS, tracking 1Z999AA10123456784. It should arrive Friday.",
        "relabelled: 'your item has shipped, tracking ...' is a shipping notice when nothing in it answers a question",
    ),
    Labelled(PASS, "The tracking number for your Amazon Logistics delivery is TBA123456789000.", "TBA tracking number"),
    Labelled(
        PASS,
        "The replacement for ASIN B08N5WRWNW (SKU ACME-DRL-18V) leaves our warehouse on 2024-06-01.",
        "ASIN, SKU, ISO date",
    ),
    Labelled(
        PASS,
        "Your order is 112-1234567-1234567 and the item was delivered on 3 May at 14:20 according to UPS.",
        "order id, date, time",
    ),
    Labelled(PASS, "The invoice for order 114-9876543-2109876 is attached as a PDF.", "order id and attachment"),
    Labelled(
        PASS,
        "Your A-to-z claim mentions a missing part; we've sent part #A1234 today with tracking TBA987654321000.",
        "part number and TBA tracking",
    ),
    Labelled(PASS, "Please use the model number AC-2041-B when you look at the manual in the box.", "model number"),
    Labelled(PASS, "The new tracking number is 9400 1000 0000 0000 0000 00 with USPS.", "USPS tracking in groups"),
    Labelled(
        PASS,
        "FedEx tracking 7489 1234 5678 shows it in Memphis today.",
        "FedEx tracking that looks like a phone number",
    ),
    Labelled(PASS, "DHL says the shipment 1234567890 will arrive tomorrow.", "ten-digit DHL waybill"),
    Labelled(
        PASS,
        "Thank you for letting us know. Can you confirm the serial number on the bottom, SN 4829-1147-2200?",
        "serial number",
    ),
    Labelled(PASS, "Your order contains 2 items: SKU BTL-750-BLK and SKU BTL-500-RED.", "SKUs"),
    Labelled(PASS, "Thank you for contacting us about order 111-2223334-4445556.", "order id"),
    Labelled(PASS, "Could you tell us the lot number printed on the label? It starts with LOT-2024-.", "lot number"),
    Labelled(
        PASS,
        "The Model 3 Drive Belt fits your machine; the part number is DB-300.",
        "product name with a number and 'Drive'",
    ),
    Labelled(
        PASS, "Your item will be collected between 8:00 and 18:00 on 12.06.2024 by DPD.", "European date and times"
    ),
    # --- prices, dates, times, measurements -------------------------------------
    Labelled(
        PASS,
        "Your refund of $29.99 was issued on 12/05/2024 and should reach your card within 3-5 business days.",
        "refund, price, date",
    ),
    Labelled(
        PASS, "We open at 9:00 and close at 17:30, Monday to Friday; we will reply within 24 hours.", "opening hours"
    ),
    Labelled(
        PASS, "The correct voltage is 230 V at 50 Hz; the 18 V battery charges in 1.5 hours.", "numbers with units"
    ),
    Labelled(PASS, "The warranty covers 2 years from the purchase date (15.03.2024).", "dotted date"),
    Labelled(PASS, "Please check the Amazon order page for the return window; it closes on 30/06/2024.", "date"),
    Labelled(PASS, "The box dimensions are 30 x 20 x 15 cm and it weighs 2.4 kg.", "dimensions"),
    Labelled(PASS, "Our business hours are 9am-5pm EST.", "hours"),
    Labelled(PASS, "The charger is rated 100-240 V, so it works in the UK and the US.", "voltage range"),
    Labelled(PASS, "The refund of €45,90 has been processed.", "euro price with a comma"),
    Labelled(PASS, "The product is dishwasher-safe up to 65 °C.", "temperature"),
    Labelled(PASS, "The package was left at the front door at 3:45 pm, according to the carrier photo.", "time"),
    Labelled(
        PASS,
        "The price was $19.99 on 01/04/2024 and is $17.99 now, so we refunded the $2.00 difference.",
        "price difference refunded",
    ),
    Labelled(PASS, "Apologies, our last message said 5 days; it should have said 5-7 business days.", "day ranges"),
    Labelled(PASS, "The tracking shows 'delivered to mailroom' at 10:14 on 06/03.", "time and short date"),
    Labelled(PASS, "The replacement unit has firmware version 2.4.1, which fixes the pairing issue.", "version number"),
    Labelled(
        PASS,
        "You can reset the scale by holding the button for 5 sec. Then it shows 0.0 kg.",
        "abbreviation before a sentence",
    ),
    Labelled(PASS, "The drill's torque is 45 Nm; for hardwood use setting 12.", "measurement"),
    Labelled(PASS, "Here's what to do: 1. Unplug it. 2. Hold reset for 10 s. 3. Plug it back in.", "numbered steps"),
    Labelled(PASS, "Happy to help! The size chart on the listing shows chest 104 cm for a size L.", "size"),
    Labelled(PASS, "The 10 kg dumbbell set ships in two boxes.", "'dumb' inside a word"),
    # --- refunds and replacements without any mention of feedback --------------
    Labelled(
        PASS,
        "We have issued a full refund of £24.50 for the damaged kettle. We're sorry for the trouble.",
        "refund to resolve a problem",
    ),
    Labelled(
        PASS,
        "Please return it using the prepaid label in your Amazon account; we'll refund you as soon as it arrives.",
        "return and refund",
    ),
    Labelled(
        PASS,
        "We reviewed your return request and approved it; the refund will follow once the carrier scans the parcel.",
        "'reviewed' by the seller, plus refund",
    ),
    Labelled(PASS, "We can send a replacement or issue a refund, whichever you prefer.", "options"),
    Labelled(
        PASS, "The replacement costs you nothing; we've already covered the shipping.", "free replacement, no feedback"
    ),
    Labelled(PASS, "There is no additional payment needed for the replacement.", "negated extra payment"),
    Labelled(PASS, "You won't be charged any extra fee for the exchange.", "negated extra fee"),
    Labelled(
        PASS,
        "We're sorry the mug arrived chipped. A new one is on its way at no cost to you.",
        "replacement on its way",
    ),
    Labelled(PASS, "We refunded the shipping cost of $7.99 because the parcel was late.", "partial refund"),
    Labelled(
        PASS, "We checked the photos and agree the lid is cracked; a full refund is on its way.", "refund on its way"
    ),
    Labelled(PASS, "Please keep the item; we have issued a full refund.", "keep the item, refund"),
    Labelled(
        PASS, "If the replacement doesn't fit either, just reply here and we'll sort out a refund.", "refund offer"
    ),
    Labelled(
        PASS,
        "I'm afraid the colour you ordered is discontinued; we can refund you or send the grey one instead.",
        "refund or alternative",
    ),
    Labelled(
        PASS,
        "We can't see the refund on our side yet; Amazon usually takes up to 48 hours to show it.",
        "refund timing",
    ),
    Labelled(PASS, "You should see the refund on your statement as 'AMZN Mktp US'.", "statement descriptor"),
    Labelled(
        PASS, "If the item arrived damaged, we'll gladly replace it free of charge.", "free of charge, no feedback"
    ),
    Labelled(
        PASS,
        "Your return was received at our warehouse on 2024-05-14 at 11:02 and your refund has been issued.",
        "return received",
    ),
    Labelled(
        PASS,
        "We'd like to make this right: would a 20% partial refund work for you if you keep the scratched item?",
        "partial refund to resolve, no feedback",
    ),
    Labelled(
        PASS,
        "Sorry about the mix-up! Please keep the wrong colour as our gift, and the right one ships today.",
        "gift to resolve, no feedback",
    ),
    Labelled(
        PASS,
        "We are not able to offer a discount on future orders, but we have refunded the shipping.",
        "negated discount on future orders",
    ),
    Labelled(PASS, "We've credited $5.00 back to your card because the shipping was late.", "credit back"),
    Labelled(
        PASS, "We understand you'd like a refund rather than a replacement; it's been issued today.", "refund issued"
    ),
    Labelled(
        PASS, "If you're not happy with the replacement, tell us and we'll refund it.", "not happy: refund, no feedback"
    ),
    Labelled(
        PASS,
        "The fee you saw is Amazon's return shipping fee, not ours; we have asked Amazon to waive it.",
        "explaining a fee",
    ),
    Labelled(PASS, "To clarify, we never asked you to pay anything extra.", "negated payment"),
    Labelled(
        PASS, "Your coupon from Amazon was applied at checkout, so the charged price was $24.00.", "Amazon coupon"
    ),
    Labelled(
        PASS,
        "Apologies for the confusion about the 10% off promotion; Amazon applied it automatically at checkout.",
        "explaining a past promotion",
    ),
    Labelled(
        PASS,
        "You mentioned that the lid leaks; we'd like to send you a replacement lid at no charge.",
        "free part to resolve",
    ),
    # --- feedback and reviews, asked neutrally ----------------------------------
    Labelled(
        PASS,
        "If you have a moment, we'd love for you to share your experience with the product.",
        "neutral: share your experience",
    ),
    Labelled(
        PASS,
        "Thank you for your feedback about the sizing, we have passed it to our design team.",
        "feedback about sizing",
    ),
    Labelled(
        PASS,
        "Feedback helps other buyers; if you'd like, you can share your experience on the order page.",
        "neutral feedback request",
    ),
    Labelled(
        PASS,
        "We'd appreciate it if you could take a moment to review the product, whatever your opinion.",
        "neutral review request",
    ),
    Labelled(
        PASS,
        "We'd be grateful if you could leave a review of the kettle once you've used it for a while.",
        "neutral review request",
    ),
    Labelled(
        PASS, "If you'd like to share your experience, the review option is under Your Orders.", "neutral pointer"
    ),
    Labelled(
        PASS,
        "We've asked Amazon to remove the late-delivery feedback since it was about the carrier, as their policy allows.",
        "feedback removal request to Amazon",
    ),
    Labelled(PASS, "We will review your case and reply by tomorrow at 10:00.", "'review' as the seller's verb"),
    Labelled(
        PASS,
        "We never ask for positive reviews, only honest ones, and you don't have to leave one at all.",
        "negated positive request",
    ),
    # --- polite customer service -------------------------------------------------
    Labelled(PASS, "Please let us know if anything is wrong with the replacement.", "let us know if anything is wrong"),
    Labelled(PASS, "Could you send us a photo of the damaged corner through Amazon messages?", "asking for a photo"),
    Labelled(PASS, "Sorry for the delay.We are checking with the carrier now.", "no space after a full stop"),
    Labelled(PASS, "Thank you for your patience.It should arrive tomorrow.", "no space after a full stop before 'It'"),
    Labelled(PASS, "Feel free to contact us here if you have any other questions.", "'free' in 'feel free'"),
    Labelled(
        PASS,
        "Please don't hesitate to reach out through Amazon messaging if anything is wrong.",
        "contact through Amazon",
    ),
    Labelled(PASS, "We understand your frustration and we're sorry this happened.", "apology"),
    Labelled(
        PASS,
        "We apologise: our warehouse made a mistake and sent the 500 ml bottle instead of the 750 ml one.",
        "apology",
    ),
    Labelled(PASS, "Would you mind telling us which colour you received? We can then fix the order.", "question"),
    Labelled(
        PASS, "We hope this resolves the problem. If not, please let us know and we'll make it right.", "polite closing"
    ),
    Labelled(PASS, "You can find the return option under Your Orders on Amazon.", "pointer to Amazon"),
    Labelled(
        PASS,
        "Call the carrier's number on the delivery notice if the parcel is not there by 8 pm.",
        "'call' without a number",
    ),
    Labelled(PASS, "Our apologies for the inconvenience; your satisfaction matters to us.", "apology"),
    Labelled(PASS, "Honest question: did the box have any visible damage when it arrived?", "'honest' without review"),
    Labelled(
        PASS,
        "We reviewed the delivery photo and it shows the parcel at a different address, so we've asked the carrier to investigate.",
        "address mentioned, none given",
    ),
    Labelled(PASS, "No problem at all, we're happy to help.", "polite"),
    Labelled(PASS, "It was no trouble at all! Please let us know if you need anything else.", "polite"),
    Labelled(
        PASS,
        "Unfortunately the damage is not covered because the bottle was washed above 80 °C, as the manual warns.",
        "declining politely",
    ),
    Labelled(
        PASS,
        "Sorry, the link in the manual is out of date. Please use the help section on the Amazon listing instead.",
        "the word 'link' without a link",
    ),
    Labelled(PASS, "Please text us here on Amazon with a photo of the label.", "'text us' without a number"),
    Labelled(PASS, "We are a small family business and every order matters to us.", "small business"),
    Labelled(
        PASS,
        "Thanks for reaching out. We checked and your order has not shipped yet because the carrier missed the pickup; it will go out tomorrow.",
        "shipping status in a reply",
    ),
    Labelled(PASS, "Please make sure the cap is tight before shaking. Let me know how it goes!", "instructions"),
    Labelled(PASS, "We sent you an email by mistake; please ignore it.", "the word 'email' without an address"),
    Labelled(PASS, "The buyer-seller messaging on Amazon is the fastest way to reach us.", "Amazon messaging"),
    Labelled(PASS, "The hero image on the listing shows the XL version; sorry for the confusion.", "listing"),
    Labelled(
        PASS,
        "Could you check whether the package went to a neighbour? The carrier notes say 'handed to resident'.",
        "neighbour",
    ),
    Labelled(
        PASS,
        "I checked with our team: the order was placed on May 2, 2024 and shipped from our warehouse on May 3.",
        "order history in a reply",
    ),
    Labelled(
        PASS,
        "Good news: we found your parcel at the depot and it will be delivered tomorrow.",
        "good news about a lost parcel",
    ),
    Labelled(
        PASS,
        "We ship from our Scunthorpe warehouse, so it should reach you in two days.",
        "place name containing a rude substring",
    ),
    Labelled(PASS, "Hi Dick, thanks for your patience while we checked.", "buyer's first name"),
    Labelled(PASS, "Hi Sue, your replacement ships tomorrow.", "buyer's first name 'Sue'"),
    Labelled(PASS, "The fabric is treated with a flame retardant.", "'retardant'"),
    Labelled(PASS, "Store the bottle lying flat to avoid leaks.", "'lying' about a bottle"),
    Labelled(PASS, "Under EU law you have a 2-year legal warranty on this item.", "'legal' warranty"),
    Labelled(PASS, "If the parcel was stolen, you may want to file a police report.", "police report advice"),
    Labelled(
        PASS,
        "We're sorry; we are not saying you are lying, we just need a photo for the carrier.",
        "negated accusation",
    ),
    Labelled(PASS, "Please do not send the item back by post; Amazon will email you a return label.", "'email you'"),
    Labelled(
        PASS, "We'll ship the replacement to the address on your Amazon order.", "address referenced, not written"
    ),
    Labelled(PASS, "There are 2 ways to reset it: hold the button or use the app.", "'2 ways'"),
    Labelled(
        PASS, "We don't use WhatsApp or email; please keep messaging us here on Amazon.", "negated off-Amazon channel"
    ),
    Labelled(PASS, "The bottle is BPA-free and lead-free.", "'free' in materials"),
    Labelled(
        PASS, "We checked with our warehouse: the order left on Tuesday and is with Royal Mail now.", "carrier status"
    ),
    # --- found while probing for false positives ---------------------------------
    Labelled(PASS, "Thank you for your swift reply!", "'swift' is not a bank code"),
    Labelled(
        PASS,
        "Amazon will send the money back to your card within 3-5 days.",
        "refund explanation, not a payment request",
    ),
    Labelled(
        PASS, "Your order ships directly from our warehouse in Leeds.", "'directly' without an off-Amazon channel"
    ),
    Labelled(
        PASS,
        "Porch thieves are sadly common; if the parcel is missing, please file a police report.",
        "thieves, not the buyer",
    ),
    Labelled(
        PASS,
        "Please send a photo of the label, or else describe the damage in a few words.",
        "'or else' meaning otherwise",
    ),
    Labelled(
        PASS,
        "If you return it because you changed your mind, you need to pay for the return shipping.",
        "return shipping under Amazon's policy",
    ),
    Labelled(
        PASS,
        "You might like to try resetting it first: hold the button for 10 seconds.",
        "'you might like to' is advice",
    ),
    Labelled(
        PASS,
        "Your parcel just arrived at the local depot and will be out for delivery tomorrow.",
        "'just arrived' about a parcel",
    ),
    Labelled(PASS, "We will find you a replacement in the same colour.", "'find you' a replacement"),
    Labelled(PASS, "The clown costume runs small; we suggest ordering one size up.", "product called clown costume"),
    Labelled(PASS, "We've refunded the extra shipping charge to your card.", "refunding an extra charge"),
    Labelled(PASS, "Our listing covers the M4 8GB and M4 16GB versions.", "model names that look like a UK postcode"),
    Labelled(PASS, "I will ask Sue in our warehouse to check the parcel.", "colleague called Sue"),
    Labelled(
        PASS,
        "If you return it for a change of mind, you'll pay for the return shipping.",
        "'you'll pay for' return shipping",
    ),
    Labelled(PASS, "Sorry for the wait.Store it upright from now on.", "no space after a full stop before 'Store'"),
    Labelled(
        PASS,
        "Beware of scammers pretending to be Amazon; we will only ever write to you here.",
        "warning about scammers",
    ),
    Labelled(
        PASS, "Your return authorisation is 0045 1234 5678.", "authorisation number that looks like a phone number"
    ),
    Labelled(
        PASS,
        "Sorry, we were wrong about the size, and we're sorry for the silly mistake on our side.",
        "self-criticism",
    ),
    Labelled(PASS, "The dumb phone model has no apps.", "'dumb phone' product"),
    Labelled(PASS, "We don't have a phone line; Amazon messages are the quickest way to reach us.", "no number"),
    Labelled(PASS, "EAN 4006381333931 is printed under the barcode.", "EAN barcode"),
    Labelled(PASS, "We are happy to confirm that your refund has been processed.", "refund confirmation in a reply"),
    Labelled(
        PASS, "Good news: your replacement has shipped and should arrive Friday.", "replacement status in a reply"
    ),
    Labelled(
        PASS,
        "You left the following review: 'broke after a week'. We're sorry; we've sent a new one.",
        "responding to a review without asking to change it",
    ),
    Labelled(PASS, "Please rate the product honestly when you have time.", "neutral rating request"),
    Labelled(
        PASS, "Could you call the carrier with tracking number 1234567890 and ask them?", "tracking number after 'call'"
    ),
    Labelled(PASS, "Please check the spam folder for Amazon's email about the return.", "email without an address"),
    Labelled(PASS, "We sent it by Royal Mail Tracked 24, reference AB123456789GB.", "Royal Mail reference"),
    Labelled(PASS, "The ratings on the listing come from verified buyers.", "ratings mentioned, not asked for"),
    # --- more forbidden messages -------------------------------------------------
    Labelled(BLOCK, "Pay the shipping difference via bank transfer, details below.", "bank transfer"),
    Labelled(BLOCK, "Our Etsy shop has the matching lids.", "off-Amazon shop"),
    Labelled(BLOCK, "Dude, stop being such an idiot about a $10 bottle.", "insult"),
    Labelled(BLOCK, "We will sue you for defamation if that review stays up.", "threat"),
    Labelled(BLOCK, "Visit us at acmetools dot co dot uk", "link: 'dot' twice"),
    Labelled(BLOCK, "DM us on insta @acme.tools for a discount", "off-Amazon: social handle"),
    Labelled(BLOCK, "Send me your number and I'll call you.", "asking for the buyer's phone number"),
    Labelled(BLOCK, "Our email is support at acmetools dot com", "email with ' at ' and ' dot '"),
    Labelled(BLOCK, "Leave 5 stars and get your money back!", "incentive"),
    Labelled(BLOCK, "Give us a great review and we'll throw in a free extra battery.", "incentive"),
    Labelled(BLOCK, "We'll refund you 10 dollars for a positive review.", "incentive"),
    Labelled(BLOCK, "You can reach me on +33 6 12 34 56 78 during the day.", "French phone number"),
    Labelled(BLOCK, "Please remove your review, we already sent a refund.", "review removal with a refund"),
    Labelled(BLOCK, "Are you blind? The size is on the box.", "insult"),
    Labelled(BLOCK, "Shut up and read the manual.", "insult"),
    Labelled(BLOCK, "Rate us five stars please!!!", "five stars"),
    Labelled(BLOCK, "Your order has been confirmed. Thank you for shopping with us!", "order confirmation"),
    Labelled(BLOCK, "We'll get you banned from Amazon.", "threat"),
    Labelled(BLOCK, "h t t p s : / / acmetools . com", "spaced-out URL"),
    Labelled(BLOCK, "acmetools。com has more", "ideographic full stop"),
    # --- a second batch of everyday replies ---------------------------------------
    Labelled(
        PASS,
        "Hello Karen, thanks for your message. The seal on the lid is removable for cleaning: twist it anticlockwise.",
        "product help",
    ),
    Labelled(
        PASS,
        "We're sorry to hear the blender stopped working after two weeks. Could you tell us what the display shows?",
        "troubleshooting question",
    ),
    Labelled(
        PASS,
        "It looks like the carrier marked it delivered on 14 March at 2:32 PM. Could you check with neighbours or your building's reception?",
        "delivery date and time",
    ),
    Labelled(
        PASS,
        "We've started an investigation with UPS (case 48213). We'll update you within 48 hours.",
        "carrier case number",
    ),
    Labelled(PASS, "Your package should be delivered by Tuesday, March 19.", "delivery estimate in a reply"),
    Labelled(
        PASS,
        "The product dimensions are listed in the Product Information section of the listing.",
        "pointer to the listing",
    ),
    Labelled(
        PASS,
        "Please follow the return instructions in Your Orders; Amazon will provide a label.",
        "Amazon return process",
    ),
    Labelled(
        PASS,
        "The item is covered by a 1-year manufacturer warranty. If it fails within that time, we'll replace it.",
        "warranty",
    ),
    Labelled(
        PASS,
        "We've issued a refund of $15.00 to compensate for the late delivery.",
        "compensation for a delay, no feedback",
    ),
    Labelled(
        PASS,
        "Thanks for the photos, they really help. We've sent a replacement set of screws.",
        "replacement parts, no feedback",
    ),
    Labelled(PASS, "We understand this is frustrating and we apologise for the inconvenience.", "apology"),
    Labelled(
        PASS, "The battery should be charged fully before first use (around 4 hours).", "usage advice with a duration"
    ),
    Labelled(
        PASS,
        "Order 171-5559876-1234567: the second item ships separately and should arrive Thursday.",
        "order id in a reply about split shipments",
    ),
    Labelled(PASS, "If you prefer, you can return the item for a full refund within 30 days.", "return offer"),
    Labelled(
        PASS,
        "Unfortunately we are unable to change the delivery address once the order has shipped.",
        "declining an address change",
    ),
    Labelled(PASS, "The colour may look slightly different on screen compared to real life.", "product note"),
    Labelled(PASS, "We do not offer gift wrapping, sorry about that.", "negated gift"),
    Labelled(PASS, "Regarding your question: yes, the cover is machine washable at 30 degrees.", "care instructions"),
    Labelled(PASS, "Thank you for your patience while we looked into this.", "thanks"),
    Labelled(
        PASS,
        "Your replacement order number is 112-7654321-7654321 and it's free of charge.",
        "free replacement with its order id",
    ),
    Labelled(PASS, "Please confirm whether you'd like a replacement or a refund.", "asking the buyer's choice"),
    Labelled(
        PASS,
        "Our records show the parcel weighed 1.2 kg when it left our warehouse on 03/14/2024 at 09:41.",
        "weight, US date, time",
    ),
    Labelled(PASS, "Please let us know if there's anything else we can do.", "polite closing"),
    Labelled(PASS, "We're a two-person team, so replies may take a few hours on weekends.", "small business"),
    Labelled(
        PASS, "We checked the batch: lot L2403-17 had a labelling error, which is why the size is wrong.", "lot code"
    ),
    Labelled(PASS, "Your refund for the missing item (SKU KTL-220-WHT) has been processed today.", "SKU and refund"),
    Labelled(PASS, "The cable is USB-C to USB-C, 1 m, rated 60 W.", "specifications"),
    Labelled(PASS, "The scale measures up to 180 kg in 0.1 kg steps.", "measurements"),
    Labelled(
        PASS,
        "Apologies again - we'll make sure this doesn't happen with future orders.",
        "'future orders' without promotion",
    ),
    Labelled(PASS, "Is the damage on the outer box too, or only on the product?", "question"),
    Labelled(PASS, "We'd love to hear how the new filter works for you.", "asking how it works, not for a review"),
    Labelled(PASS, "Many thanks, and have a great weekend!", "closing"),
    Labelled(
        PASS,
        "Hi! Could you send a picture of the serial number sticker? It's on the back, next to the power socket.",
        "asking for a photo",
    ),
    Labelled(
        PASS,
        "The customs charge you paid was applied by the carrier, and Amazon should reimburse it if you request it through Your Orders.",
        "customs reimbursement through Amazon",
    ),
    Labelled(PASS, "Amazon's A-to-z Guarantee covers you here, so there's no risk.", "A-to-z mention"),
    Labelled(PASS, "We have noted your preference for morning deliveries.", "delivery preference"),
    Labelled(
        PASS,
        "Thank you for reporting this, we've removed the faulty batch from our stock.",
        "'removed' stock, not feedback",
    ),
    Labelled(
        PASS,
        "Sorry, we cannot accept returns of opened cosmetics for hygiene reasons, as stated on the listing.",
        "declining a return",
    ),
    Labelled(
        PASS,
        "Delivery estimates on Amazon are calculated automatically from the carrier's data.",
        "explaining estimates",
    ),
    Labelled(PASS, "The refill cartridges (ASIN B07XJ8C8F5) fit this model too.", "ASIN"),
    # --- a second batch of forbidden messages ------------------------------------
    Labelled(BLOCK, "Contact me on my personal email: mark_sells@yahoo.com", "email"),
    Labelled(BLOCK, "For faster help, message us on Telegram.", "off-Amazon: Telegram"),
    Labelled(BLOCK, "If you remove the 2 star review I'll send another one for free.", "removal for a free product"),
    Labelled(
        BLOCK, "We'll give you a 50% refund if you update your review to 5 stars.", "incentive for a 5-star update"
    ),
    Labelled(BLOCK, "Can you please leave positive feedback? It really helps.", "positive feedback"),
    Labelled(BLOCK, "Please only leave a review if you're 100% satisfied.", "review only from fully satisfied buyers"),
    Labelled(BLOCK, "You are clearly trying to get a free product, we know your type.", "insult and accusation"),
    Labelled(BLOCK, "This is bullshit, the item was fine when it left.", "profanity"),
    Labelled(BLOCK, "Check our site: acme-home.de", "link: .de domain"),
    Labelled(BLOCK, "Call +49 (0)30 1234 5678 for support", "phone with (0)"),
    Labelled(
        BLOCK,
        "You will need to pay a $10 restocking fee via PayPal before we accept the return.",
        "extra payment via PayPal",
    ),
    Labelled(BLOCK, "Buy 2 more and we'll give you 30% off!", "promotion: buy more"),
    Labelled(BLOCK, "Our new kettle is out now, you'll love it!", "promotion: new product"),
    Labelled(
        BLOCK,
        "Thanks for your order! Your package has been shipped and will arrive soon.",
        "thank-you plus shipping notice",
    ),
    Labelled(BLOCK, "Stop lying, the tracking shows it was delivered.", "calling the buyer a liar"),
    Labelled(BLOCK, "We'll post it to 12 High Street, Oxford OX1 4AA.", "UK street address"),
    Labelled(BLOCK, "Please send your card details so we can refund you directly.", "asking for card details"),
    Labelled(BLOCK, "If you don't close the claim we'll make sure you regret it.", "threat"),
    Labelled(
        BLOCK,
        "Send us a screenshot of your 5 star review and receive a $10 Amazon gift card.",
        "incentive: gift card for a review screenshot",
    ),
    Labelled(BLOCK, "Visit w.w.w.acmetools.com", "link: dotted www"),
    # --- a held-out batch, written after the rules were tuned (all right first time) ---
    Labelled(
        PASS, "Thanks for getting in touch. The replacement hose will be with you by Monday.", "replacement timing"
    ),
    Labelled(
        PASS,
        "We looked into it and the courier left the parcel in your safe place (behind the bin).",
        "carrier safe place",
    ),
    Labelled(
        PASS,
        "The product is compatible with iPhone 15 and 15 Pro, but not with the 15 Pro Max.",
        "compatibility with model names",
    ),
    Labelled(
        PASS, "I've refunded the full amount, including shipping, to your original payment method.", "full refund"
    ),
    Labelled(PASS, "You don't need to send the broken one back.", "no need to return"),
    Labelled(
        PASS,
        "Sorry for the confusion: the listing photo shows two pieces, but the pack contains one.",
        "listing photo correction",
    ),
    Labelled(PASS, "Our opening hours are Mon-Fri 8:30-16:30 CET.", "opening hours with times"),
    Labelled(
        PASS, "We'll keep an eye on the tracking and let you know if anything changes.", "keeping an eye on tracking"
    ),
    Labelled(
        PASS,
        "Unfortunately, the item is out of stock until 15 July, so we've refunded your order.",
        "out of stock refund with a date",
    ),
    Labelled(
        PASS,
        "Could you please double-check the model number on the back of your TV? It should look like UE55AU7100.",
        "TV model number",
    ),
    Labelled(PASS, "We've passed your suggestion about a longer cable on to our product team.", "product suggestion"),
    Labelled(
        PASS,
        "Yes, the mattress protector is waterproof and fits mattresses up to 30 cm deep.",
        "product answer with a measurement",
    ),
    Labelled(
        PASS, "The refund will appear as a credit on your statement within a few days.", "refund shows as a credit"
    ),
    Labelled(PASS, "Thanks for letting us know the box was damaged. Was anything inside broken?", "damage question"),
    Labelled(
        PASS,
        "Your tracking number 1Z84V7E20312345678 shows a delivery exception; UPS will try again tomorrow.",
        "UPS tracking in a sentence",
    ),
    Labelled(
        PASS, "We have checked the order and everything was packed correctly on 2 April.", "packing check with a date"
    ),
    Labelled(
        PASS,
        "Regarding the missing manual, we've sent a printed copy with tracking TBA304958102000.",
        "TBA tracking for a manual",
    ),
    Labelled(PASS, "If it still doesn't work after the reset, we'll exchange it.", "exchange offer"),
    Labelled(PASS, "Glad to hear the replacement arrived safely!", "glad it arrived"),
    Labelled(PASS, "We're really sorry for the bad experience with the first unit.", "apology"),
    Labelled(BLOCK, "Hi, please leave a 5 star rating for this order, thank you!", "positive rating"),
    Labelled(
        BLOCK,
        "I can give you a discount on your next purchase if you buy directly from us.",
        "discount on next purchase off Amazon",
    ),
    Labelled(BLOCK, "Just add us on Facebook and we'll send you a coupon.", "social media for a coupon"),
    Labelled(BLOCK, "Drop us a line at info@acme-home.co.uk", "email"),
    Labelled(BLOCK, "Give me a call on 07700 900 123.", "UK mobile"),
    Labelled(BLOCK, "Update your rating and we'll refund the shipping.", "rating change for a refund"),
    Labelled(BLOCK, "You're a scammer and everybody knows it.", "calling the buyer a scammer"),
    Labelled(BLOCK, "www.acme-home.com/warranty", "bare www address with a path"),
    Labelled(BLOCK, "We're going to take you to court over this fake claim.", "threat and accusation"),
    Labelled(BLOCK, "Damn it, we already sent two replacements!", "profanity"),
    # --- Amazon URLs when the account allow-lists amazon.com -----------------------
    Labelled(
        PASS, "You can start the return at https://www.amazon.com/returns", "allow-listed Amazon URL", ("amazon.com",)
    ),
    Labelled(
        PASS,
        "The size guide is on amazon.com/gp/help/customer/display.html?nodeId=201819200",
        "allow-listed Amazon help page",
        ("amazon.com",),
    ),
]
