<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AccessToggles</name>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move everything lower on the screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>One less</source>
        <extracomment>space kept between the confetti and the words</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Allergens</name>
    <message>
        <source>Peanut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tree nuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shellfish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Egg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gluten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sesame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not spicy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spice: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyPanel</name>
    <message>
        <source>Processing your payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This takes a few seconds. Please wait.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <source>MM/YY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay by card</source>
        <extracomment>the controller driving this window (:class:`kiosk.ui.flow.KioskFlow`), set where the kiosk is put together (:func:`kiosk.ui.compose.open_kiosk`); never called here a message shown on a screen: plain text, or a function that renders it in the current language (called again when the customer switches language) a key&apos;s height in reach mode: the touch-target minimum the header&apos;s step for this screen (None hides the header) whether the idle timer runs while this screen shows</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CARD NUMBER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPIRY (MM/YY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another way to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your card number is sent to the bank and never stored: we keep only the card type and last 4 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <source>Your order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your cart is empty. Tap a dish to add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices include %1% VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a drink?</source>
        <extracomment>large-text mode multiplies every ``fs-*`` token by this display sizes (56 px and more: amounts, the phone number, the welcome title, the order number) are large already and stay as they are the cart at the foot of the portrait menu: four lines without scrolling the cart beside the landscape menu, and in large text (room for a line&apos;s − n +, and still two columns of dishes whose words fit) the customer wants to change a line&apos;s choices (size, spice, extras) indexes of the lines whose dish has choices to change</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something to go with it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to my order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>That is not a phone number. Please check it, e.g. 081-234-5678.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card was declined by the bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have enough points for that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order cannot be paid any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is already a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, an item in your order just sold out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something in the order is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member has this phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment did not go through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment was already started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Please ask staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk is busy for a moment. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For staff: the kiosk&apos;s disk is full, so the order could not be saved. Nothing saved before is lost. Free some space, then tap the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For staff: the kiosk&apos;s database is read-only, so the order could not be saved. Make the database file and its folder writable, then tap the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For staff: the kiosk&apos;s database file is damaged or was replaced, so the kiosk stopped saving. Put the right file back (from a backup), then tap the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For staff: the kiosk&apos;s disk could not be written (full, removed or failing). Check the disk, then tap the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For staff: the kiosk cannot open its database file. Check the file and its folder, then tap the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For staff: the kiosk cannot reach the database server. Check the server and the network, then tap the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For staff: another program is holding the kiosk&apos;s database. Close it, then tap the button below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your order cannot have more different dishes. Change a quantity or finish this order first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number can only contain digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number must have 13 to 19 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card number is not valid. Please check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry date must look like MM/YY, for example 08/29.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security code (CVV) must be 3 or 4 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card declined by the issuing bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay payment was not confirmed by the bank.</source>
        <extracomment>the window is closing for good (close allowed): the controller stops its work</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before payment was confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay payment timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can order at most 20 of one dish here. Please ask staff for a bigger order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A price in your order has just changed. Your total is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>1  Menu</source>
        <extracomment>Review is optional (Checkout goes straight to points): it is part of the Menu step large text: the steps never fit beside the buttons, in either orientation reach mode: every pixel of the lower screen for the controls, no step row</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2  Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3  Pay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdlePanel</name>
    <message>
        <source>Still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your order will be cleared for the next customer when the countdown ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose options</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskFlow</name>
    <message>
        <source>Start over? Your order will be cleared.</source>
        <extracomment>calls per probed API; a leak of one reference per call shows as a drop of this size. the customer goes on from the menu or Review to points and paying the cart line the options sheet is changing (None: the sheet adds a dish)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, keep my order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo, no money moves</source>
        <extracomment>nobody answered the panel, or they tapped Start over: the customer leaves Welcome sat idle away from its attract loop or default language places the order: (member&apos;s phone or None, points to redeem, payment method or &quot;&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay was cancelled. Choose how you would like to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code expired. Choose how you would like to pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your receipt has been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be saved. Please ask staff for a copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Staff</source>
        <extracomment>Done, or the screen timed out: on to the next customer Try again: back to the payment choices (a new attempt)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff panel is not installed.</source>
        <extracomment>Cancel order: the customer leaves asks the customer a yes/no question: (question, yes, no) -&gt; yes? moves to a screen by name (:meth:`kiosk.ui.flow.KioskFlow.go`) the settings as they are now (staff may change them while the kiosk runs) taps on a screen that just appeared are ignored this long (a double tap&apos;s second tap must not land on the next screen); ``None`` is the default, 350 ms the PromptPay QR on screen, waiting for the bank the checkout attempt&apos;s idempotency key: a double tap never charges twice</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterPad</name>
    <message>
        <source>space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the last letter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberScreen</name>
    <message>
        <source>Use %1 points  ·  −%2</source>
        <extracomment>a payment method chosen beside the member&apos;s points: method, points to redeem &quot;See order&quot;: the order line by line, on the Review screen</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will earn %1 points with this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your mobile number to earn and use points. The 0 is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find my points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue without points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why join?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>•  1 point for every ฿%1 you spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>•  %1 points = ฿1 off your next order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>•  Sign up here in seconds, no app needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bronze, Silver, Gold and Platinum members: the more you eat, the higher you go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome! You are a member now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are at our top tier. Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more points to reach %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use your points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use fewer points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use more points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not you? Change number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a member yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join now and earn points on this order. We only need your first name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join and earn points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See order · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash at counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See your order line by line: %1 items, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See your order line by line: 1 item, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>Menu</source>
        <extracomment>the payment choices a found member gets beside their points (no extra screen)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MENU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Modes</name>
    <message>
        <source>Take away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dine in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsSheet</name>
    <message>
        <source>Add to order  ·  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes  ·  %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <source>How would you like to pay?</source>
        <extracomment>a payment card&apos;s height in portrait (they were 420 px each, filling the screen)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes and coins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visa, Mastercard, JCB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR with any banking app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points −%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service charge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · earns %2 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No points collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Points</name>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptPayScreen</name>
    <message>
        <source>PromptPay  ·  Thai QR Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to pay with PromptPay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1.  Open your banking app and choose Scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2.  Point your phone at the QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3.  Check the amount and confirm. We will see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel and choose another way</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Back to the start in %1 s, or tap anywhere.</source>
        <extracomment>the words, cards and buttons stand in one centred column this wide at most; the confetti keeps out of it a success has its own short timeout; a failure is watched like any other screen, so a customer who walks away gets &quot;Still there?&quot; and their order cancelled</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please pay at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please pay %1 at the counter, order %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you! Your order is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this number at the counter. We start cooking once you have paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: we will call your number when it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: take a seat, we will bring it to your table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Congratulations! You are now a %1 member.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Service charge %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members earn %1 points with this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT %1% (included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add more dishes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points discount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignupScreen</name>
    <message>
        <source>Join our rewards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your first name. Points from this order go straight to your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MOBILE NUMBER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FIRST NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, send me offers by SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. We use your number to send special offers and news from this restaurant, at most twice a month. You can say no now and still collect points, and stop the messages at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join and continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPad</name>
    <message>
        <source>Locked: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your staff number and PIN. Your manager can tell you your number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffSignIn</name>
    <message>
        <source>Too many wrong attempts. The staff pad is locked for %1 seconds.</source>
        <extracomment>the pad closes itself after this long without a tap</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong staff number or PIN. 1 try left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong staff number or PIN. %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>Bronze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to</source>
        <extracomment>every Thai number (mobile or landline) starts with 0: it is given, so a mobile number is nine taps; a 0 typed first anyway is taken as that same 0, not doubled the attract loop shows the next dishes this often while nobody is there the table or pager number typed (&quot;&quot; when the customer skipped it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>our kitchen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eat here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your pager number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number on the pager you were given. It buzzes when your food is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your table number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number on your table. We bring the food to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eat here: start your order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take away: start your order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch to order. Pay here and collect points with your phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where will you eat today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: no money moves. Close the window to leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff panel: tap the top-left corner five times, staff number %1, PIN %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
