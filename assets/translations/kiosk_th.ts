<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en_GB">
<context>
    <name>AccessToggles</name>
    <message>
        <source>Larger text</source>
        <translation>ตัวอักษรใหญ่ขึ้น</translation>
    </message>
    <message>
        <source>Move everything lower on the screen</source>
        <translation>ย้ายทุกอย่างลงมาด้านล่างของจอ</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>One less</source>
        <extracomment>space kept between the confetti and the words</extracomment>
        <translation>ลดหนึ่ง</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>เพิ่มหนึ่ง</translation>
    </message>
</context>
<context>
    <name>Allergens</name>
    <message>
        <source>Peanut</source>
        <translation>ถั่วลิสง</translation>
    </message>
    <message>
        <source>Tree nuts</source>
        <translation>ถั่วเปลือกแข็ง</translation>
    </message>
    <message>
        <source>Shellfish</source>
        <translation>กุ้ง ปู หอย</translation>
    </message>
    <message>
        <source>Fish</source>
        <translation>ปลา</translation>
    </message>
    <message>
        <source>Egg</source>
        <translation>ไข่</translation>
    </message>
    <message>
        <source>Milk</source>
        <translation>นม</translation>
    </message>
    <message>
        <source>Gluten</source>
        <translation>กลูเตน</translation>
    </message>
    <message>
        <source>Soy</source>
        <translation>ถั่วเหลือง</translation>
    </message>
    <message>
        <source>Sesame</source>
        <translation>งา</translation>
    </message>
    <message>
        <source>Not spicy</source>
        <translation>ไม่เผ็ด</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>เผ็ดน้อย</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>เผ็ดกลาง</translation>
    </message>
    <message>
        <source>Very hot</source>
        <translation>เผ็ดมาก</translation>
    </message>
    <message>
        <source>Contains: %1</source>
        <translation>มีส่วนผสมของ: %1</translation>
    </message>
    <message>
        <source>Spice: %1</source>
        <translation>ความเผ็ด: %1</translation>
    </message>
</context>
<context>
    <name>BusyPanel</name>
    <message>
        <source>Processing your payment…</source>
        <translation>กำลังดำเนินการชำระเงิน…</translation>
    </message>
    <message>
        <source>This takes a few seconds. Please wait.</source>
        <translation>ใช้เวลาเพียงไม่กี่วินาที กรุณารอสักครู่</translation>
    </message>
</context>
<context>
    <name>CardScreen</name>
    <message>
        <source>MM/YY</source>
        <translation>ดด/ปป</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <extracomment>the controller driving this window (:class:`kiosk.ui.flow.KioskFlow`), set where the kiosk is put together (:func:`kiosk.ui.compose.open_kiosk`); never called here a message shown on a screen: plain text, or a function that renders it in the current language (called again when the customer switches language) a key&apos;s height in reach mode: the touch-target minimum the header&apos;s step for this screen (None hides the header) whether the idle timer runs while this screen shows</extracomment>
        <translation>ชำระด้วยบัตร</translation>
    </message>
    <message>
        <source>CARD NUMBER</source>
        <translation>หมายเลขบัตร</translation>
    </message>
    <message>
        <source>EXPIRY (MM/YY)</source>
        <translation>วันหมดอายุ (ดด/ปป)</translation>
    </message>
    <message>
        <source>CVV</source>
        <translation>รหัส CVV</translation>
    </message>
    <message>
        <source>Choose another way to pay</source>
        <translation>เลือกวิธีชำระเงินอื่น</translation>
    </message>
    <message>
        <source>Your card number is sent to the bank and never stored: we keep only the card type and last 4 digits.</source>
        <translation>หมายเลขบัตรจะส่งไปยังธนาคารโดยตรงและไม่ถูกเก็บไว้ เราเก็บเพียงประเภทบัตรและเลข 4 หลักสุดท้าย</translation>
    </message>
    <message>
        <source>Pay %1</source>
        <translation>ชำระ %1</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <source>Your order</source>
        <translation>รายการของคุณ</translation>
    </message>
    <message>
        <source>Your cart is empty. Tap a dish to add it.</source>
        <translation>ยังไม่มีรายการ แตะที่เมนูเพื่อเพิ่มลงตะกร้า</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <source>Prices include %1% VAT</source>
        <translation>ราคารวมภาษีมูลค่าเพิ่ม %1% แล้ว</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>เปลี่ยน</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>เปลี่ยนตัวเลือก %1</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>ชำระเงิน</translation>
    </message>
    <message>
        <source>Add a drink?</source>
        <extracomment>large-text mode multiplies every ``fs-*`` token by this display sizes (56 px and more: amounts, the phone number, the welcome title, the order number) are large already and stay as they are the cart at the foot of the portrait menu: four lines without scrolling the cart beside the landscape menu, and in large text (room for a line&apos;s − n +, and still two columns of dishes whose words fit) the customer wants to change a line&apos;s choices (size, spice, extras) indexes of the lines whose dish has choices to change</extracomment>
        <translation>รับเครื่องดื่มเพิ่มไหม?</translation>
    </message>
    <message>
        <source>Something to go with it?</source>
        <translation>รับอะไรเพิ่มไหม?</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>ไม่ล่ะ ขอบคุณ</translation>
    </message>
    <message>
        <source>Add %1, %2</source>
        <translation>เพิ่ม %1 %2</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <source>Something went wrong</source>
        <translation>ขออภัย เกิดข้อผิดพลาด</translation>
    </message>
    <message>
        <source>Please ask staff for help.</source>
        <translation>กรุณาติดต่อพนักงานเพื่อขอความช่วยเหลือ</translation>
    </message>
    <message>
        <source>Back to my order</source>
        <translation>กลับไปที่รายการของฉัน</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>กลับไปหน้าแรก</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>That is not a phone number. Please check it, e.g. 081-234-5678.</source>
        <translation>หมายเลขโทรศัพท์ไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง เช่น 081-234-5678</translation>
    </message>
    <message>
        <source>The card was declined by the bank.</source>
        <translation>ธนาคารปฏิเสธบัตรนี้</translation>
    </message>
    <message>
        <source>You do not have enough points for that.</source>
        <translation>แต้มของคุณไม่เพียงพอ</translation>
    </message>
    <message>
        <source>This order cannot be paid any more.</source>
        <translation>ไม่สามารถชำระเงินสำหรับคำสั่งซื้อนี้ได้แล้ว</translation>
    </message>
    <message>
        <source>This phone number is already a member.</source>
        <translation>หมายเลขนี้เป็นสมาชิกอยู่แล้ว</translation>
    </message>
    <message>
        <source>Sorry, an item in your order just sold out.</source>
        <translation>ขออภัย มีรายการในคำสั่งซื้อของคุณเพิ่งหมด</translation>
    </message>
    <message>
        <source>Something in the order is not right.</source>
        <translation>มีบางอย่างในคำสั่งซื้อไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>No member has this phone number.</source>
        <translation>ไม่พบสมาชิกที่ใช้หมายเลขนี้</translation>
    </message>
    <message>
        <source>The payment did not go through.</source>
        <translation>การชำระเงินไม่สำเร็จ</translation>
    </message>
    <message>
        <source>This payment was already started.</source>
        <translation>การชำระเงินนี้เริ่มดำเนินการไปแล้ว</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask staff for help.</source>
        <translation>เกิดข้อผิดพลาด กรุณาติดต่อพนักงาน</translation>
    </message>
    <message>
        <source>The kiosk is busy for a moment. Please try again.</source>
        <translation>ระบบไม่ว่างสักครู่ กรุณาลองอีกครั้ง</translation>
    </message>
    <message>
        <source>For staff: the kiosk&apos;s disk is full, so the order could not be saved. Nothing saved before is lost. Free some space, then tap the button below.</source>
        <translation>สำหรับพนักงาน: ดิสก์ของคีออสก์เต็ม จึงบันทึกคำสั่งซื้อไม่ได้ ข้อมูลที่บันทึกไว้ก่อนหน้านี้ไม่สูญหาย โปรดเพิ่มพื้นที่ว่าง แล้วแตะปุ่มด้านล่าง</translation>
    </message>
    <message>
        <source>For staff: the kiosk&apos;s database is read-only, so the order could not be saved. Make the database file and its folder writable, then tap the button below.</source>
        <translation>สำหรับพนักงาน: ฐานข้อมูลของคีออสก์เป็นแบบอ่านอย่างเดียว จึงบันทึกคำสั่งซื้อไม่ได้ โปรดตั้งให้ไฟล์ฐานข้อมูลและโฟลเดอร์เขียนได้ แล้วแตะปุ่มด้านล่าง</translation>
    </message>
    <message>
        <source>For staff: the kiosk&apos;s database file is damaged or was replaced, so the kiosk stopped saving. Put the right file back (from a backup), then tap the button below.</source>
        <translation>สำหรับพนักงาน: ไฟล์ฐานข้อมูลของคีออสก์เสียหายหรือถูกแทนที่ คีออสก์จึงหยุดบันทึก โปรดนำไฟล์ที่ถูกต้องกลับมา (จากไฟล์สำรอง) แล้วแตะปุ่มด้านล่าง</translation>
    </message>
    <message>
        <source>For staff: the kiosk&apos;s disk could not be written (full, removed or failing). Check the disk, then tap the button below.</source>
        <translation>สำหรับพนักงาน: เขียนข้อมูลลงดิสก์ของคีออสก์ไม่ได้ (เต็ม ถูกถอดออก หรือเสีย) โปรดตรวจสอบดิสก์ แล้วแตะปุ่มด้านล่าง</translation>
    </message>
    <message>
        <source>For staff: the kiosk cannot open its database file. Check the file and its folder, then tap the button below.</source>
        <translation>สำหรับพนักงาน: คีออสก์เปิดไฟล์ฐานข้อมูลไม่ได้ โปรดตรวจสอบไฟล์และโฟลเดอร์ แล้วแตะปุ่มด้านล่าง</translation>
    </message>
    <message>
        <source>For staff: the kiosk cannot reach the database server. Check the server and the network, then tap the button below.</source>
        <translation>สำหรับพนักงาน: คีออสก์ติดต่อเซิร์ฟเวอร์ฐานข้อมูลไม่ได้ โปรดตรวจสอบเซิร์ฟเวอร์และเครือข่าย แล้วแตะปุ่มด้านล่าง</translation>
    </message>
    <message>
        <source>For staff: another program is holding the kiosk&apos;s database. Close it, then tap the button below.</source>
        <translation>สำหรับพนักงาน: มีโปรแกรมอื่นใช้ฐานข้อมูลของคีออสก์อยู่ โปรดปิดโปรแกรมนั้น แล้วแตะปุ่มด้านล่าง</translation>
    </message>
    <message>
        <source>Your order cannot have more different dishes. Change a quantity or finish this order first.</source>
        <translation>ไม่สามารถเพิ่มรายการอาหารที่ต่างกันได้อีก กรุณาเปลี่ยนจำนวน หรือสั่งรายการนี้ให้เสร็จก่อน</translation>
    </message>
    <message>
        <source>Please enter the card number.</source>
        <translation>กรุณากรอกหมายเลขบัตร</translation>
    </message>
    <message>
        <source>The card number can only contain digits.</source>
        <translation>หมายเลขบัตรต้องเป็นตัวเลขเท่านั้น</translation>
    </message>
    <message>
        <source>The card number must have 13 to 19 digits.</source>
        <translation>หมายเลขบัตรต้องมี 13 ถึง 19 หลัก</translation>
    </message>
    <message>
        <source>The card number is not valid. Please check it.</source>
        <translation>หมายเลขบัตรไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง</translation>
    </message>
    <message>
        <source>The expiry date must look like MM/YY, for example 08/29.</source>
        <translation>วันหมดอายุต้องอยู่ในรูปแบบ ดด/ปป เช่น 08/29</translation>
    </message>
    <message>
        <source>This card has expired.</source>
        <translation>บัตรนี้หมดอายุแล้ว</translation>
    </message>
    <message>
        <source>The security code (CVV) must be 3 or 4 digits.</source>
        <translation>รหัสความปลอดภัย (CVV) ต้องมี 3 หรือ 4 หลัก</translation>
    </message>
    <message>
        <source>Card declined by the issuing bank.</source>
        <translation>ธนาคารผู้ออกบัตรปฏิเสธการชำระเงิน</translation>
    </message>
    <message>
        <source>PromptPay payment was not confirmed by the bank.</source>
        <extracomment>the window is closing for good (close allowed): the controller stops its work</extracomment>
        <translation>ธนาคารไม่ยืนยันการชำระเงินผ่านพร้อมเพย์</translation>
    </message>
    <message>
        <source>Cancelled before payment was confirmed.</source>
        <translation>ยกเลิกก่อนที่การชำระเงินจะได้รับการยืนยัน</translation>
    </message>
    <message>
        <source>PromptPay payment timed out.</source>
        <translation>หมดเวลาชำระเงินผ่านพร้อมเพย์</translation>
    </message>
    <message>
        <source>You can order at most 20 of one dish here. Please ask staff for a bigger order.</source>
        <translation>สั่งอาหารจานเดียวกันได้สูงสุด 20 ที่ หากต้องการมากกว่านี้ โปรดติดต่อพนักงาน</translation>
    </message>
    <message>
        <source>A price in your order has just changed. Your total is now %1.</source>
        <translation>ราคาอาหารในรายการของคุณเพิ่งเปลี่ยน ยอดรวมตอนนี้คือ %1</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>1  Menu</source>
        <extracomment>Review is optional (Checkout goes straight to points): it is part of the Menu step large text: the steps never fit beside the buttons, in either orientation reach mode: every pixel of the lower screen for the controls, no step row</extracomment>
        <translation>1  เมนู</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>เริ่มใหม่</translation>
    </message>
    <message>
        <source>2  Points</source>
        <translation>2  สะสมแต้ม</translation>
    </message>
    <message>
        <source>3  Pay</source>
        <translation>3  ชำระเงิน</translation>
    </message>
</context>
<context>
    <name>IdlePanel</name>
    <message>
        <source>Still there?</source>
        <translation>ยังอยู่ไหม?</translation>
    </message>
    <message>
        <source>Your order will be cleared for the next customer when the countdown ends.</source>
        <translation>เมื่อหมดเวลา รายการของคุณจะถูกล้างเพื่อลูกค้าท่านถัดไป</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>ยังอยู่ สั่งต่อ</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>เริ่มใหม่</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Sold out</source>
        <translation>หมด</translation>
    </message>
    <message>
        <source>Choose options</source>
        <translation>เลือกตัวเลือก</translation>
    </message>
</context>
<context>
    <name>KioskFlow</name>
    <message>
        <source>Start over? Your order will be cleared.</source>
        <extracomment>calls per probed API; a leak of one reference per call shows as a drop of this size. the customer goes on from the menu or Review to points and paying the cart line the options sheet is changing (None: the sheet adds a dish)</extracomment>
        <translation>เริ่มใหม่หรือไม่? รายการที่เลือกไว้จะถูกล้าง</translation>
    </message>
    <message>
        <source>Yes, start over</source>
        <translation>ใช่ เริ่มใหม่</translation>
    </message>
    <message>
        <source>No, keep my order</source>
        <translation>ไม่ สั่งต่อ</translation>
    </message>
    <message>
        <source>demo, no money moves</source>
        <extracomment>nobody answered the panel, or they tapped Start over: the customer leaves Welcome sat idle away from its attract loop or default language places the order: (member&apos;s phone or None, points to redeem, payment method or &quot;&quot;)</extracomment>
        <translation>โหมดสาธิต ไม่มีการโอนเงินจริง</translation>
    </message>
    <message>
        <source>PromptPay was cancelled. Choose how you would like to pay.</source>
        <translation>ยกเลิกพร้อมเพย์แล้ว กรุณาเลือกวิธีชำระเงิน</translation>
    </message>
    <message>
        <source>The QR code expired. Choose how you would like to pay.</source>
        <translation>คิวอาร์โค้ดหมดอายุแล้ว กรุณาเลือกวิธีชำระเงิน</translation>
    </message>
    <message>
        <source>Your receipt has been saved.</source>
        <translation>บันทึกใบเสร็จของคุณแล้ว</translation>
    </message>
    <message>
        <source>The receipt could not be saved. Please ask staff for a copy.</source>
        <translation>ไม่สามารถบันทึกใบเสร็จได้ กรุณาขอสำเนาจากพนักงาน</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Staff</source>
        <extracomment>Done, or the screen timed out: on to the next customer Try again: back to the payment choices (a new attempt)</extracomment>
        <translation>พนักงาน</translation>
    </message>
    <message>
        <source>The staff panel is not installed.</source>
        <extracomment>Cancel order: the customer leaves asks the customer a yes/no question: (question, yes, no) -&gt; yes? moves to a screen by name (:meth:`kiosk.ui.flow.KioskFlow.go`) the settings as they are now (staff may change them while the kiosk runs) taps on a screen that just appeared are ignored this long (a double tap&apos;s second tap must not land on the next screen); ``None`` is the default, 350 ms the PromptPay QR on screen, waiting for the bank the checkout attempt&apos;s idempotency key: a double tap never charges twice</extracomment>
        <translation>ยังไม่ได้ติดตั้งระบบสำหรับพนักงาน</translation>
    </message>
</context>
<context>
    <name>LetterPad</name>
    <message>
        <source>space</source>
        <translation>เว้นวรรค</translation>
    </message>
    <message>
        <source>Delete the last letter</source>
        <translation>ลบตัวอักษรสุดท้าย</translation>
    </message>
</context>
<context>
    <name>MemberScreen</name>
    <message>
        <source>Use %1 points  ·  −%2</source>
        <extracomment>a payment method chosen beside the member&apos;s points: method, points to redeem &quot;See order&quot;: the order line by line, on the Review screen</extracomment>
        <translation>ใช้ %1 แต้ม  ·  −%2</translation>
    </message>
    <message>
        <source>To pay: %1</source>
        <translation>ยอดที่ต้องชำระ: %1</translation>
    </message>
    <message>
        <source>You will earn %1 points with this order.</source>
        <translation>คุณจะได้รับ %1 แต้มจากคำสั่งซื้อนี้</translation>
    </message>
    <message>
        <source>Collect points</source>
        <translation>สะสมแต้ม</translation>
    </message>
    <message>
        <source>Enter your mobile number to earn and use points. The 0 is already there.</source>
        <translation>กรอกเบอร์มือถือเพื่อสะสมและใช้แต้ม มีเลข 0 ให้แล้ว</translation>
    </message>
    <message>
        <source>Find my points</source>
        <translation>ค้นหาแต้มของฉัน</translation>
    </message>
    <message>
        <source>Continue without points</source>
        <translation>ดำเนินการต่อโดยไม่สะสมแต้ม</translation>
    </message>
    <message>
        <source>Why join?</source>
        <translation>ทำไมต้องสมัครสมาชิก?</translation>
    </message>
    <message>
        <source>•  1 point for every ฿%1 you spend</source>
        <translation>•  รับ 1 แต้ม ทุกการใช้จ่าย ฿%1</translation>
    </message>
    <message>
        <source>•  %1 points = ฿1 off your next order</source>
        <translation>•  %1 แต้ม = ส่วนลด ฿1</translation>
    </message>
    <message>
        <source>•  Sign up here in seconds, no app needed</source>
        <translation>•  สมัครได้ที่นี่ในไม่กี่วินาที ไม่ต้องโหลดแอป</translation>
    </message>
    <message>
        <source>Bronze, Silver, Gold and Platinum members: the more you eat, the higher you go.</source>
        <translation>สมาชิกระดับบรอนซ์ ซิลเวอร์ โกลด์ และแพลทินัม ยิ่งทานบ่อย ยิ่งได้ระดับสูงขึ้น</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>ยินดีต้อนรับกลับมา</translation>
    </message>
    <message>
        <source>Welcome! You are a member now.</source>
        <translation>ยินดีต้อนรับ! คุณเป็นสมาชิกแล้ว</translation>
    </message>
    <message>
        <source>You are at our top tier. Thank you!</source>
        <translation>คุณอยู่ในระดับสูงสุดแล้ว ขอบคุณที่อุดหนุน</translation>
    </message>
    <message>
        <source>%1 more points to reach %2</source>
        <translation>อีก %1 แต้ม จะได้เป็นระดับ%2</translation>
    </message>
    <message>
        <source>Use your points</source>
        <translation>ใช้แต้มของคุณ</translation>
    </message>
    <message>
        <source>Use all</source>
        <translation>ใช้ทั้งหมด</translation>
    </message>
    <message>
        <source>Use fewer points</source>
        <translation>ใช้แต้มน้อยลง</translation>
    </message>
    <message>
        <source>Use more points</source>
        <translation>ใช้แต้มมากขึ้น</translation>
    </message>
    <message>
        <source>Points to use</source>
        <translation>จำนวนแต้มที่จะใช้</translation>
    </message>
    <message>
        <source>Not you? Change number</source>
        <translation>ไม่ใช่คุณ? เปลี่ยนเบอร์</translation>
    </message>
    <message>
        <source>%1 is not a member yet</source>
        <translation>%1 ยังไม่เป็นสมาชิก</translation>
    </message>
    <message>
        <source>Join now and earn points on this order. We only need your first name.</source>
        <translation>สมัครตอนนี้เพื่อรับแต้มจากคำสั่งซื้อนี้ ใช้เพียงชื่อของคุณเท่านั้น</translation>
    </message>
    <message>
        <source>Join and earn points</source>
        <translation>สมัครและรับแต้ม</translation>
    </message>
    <message>
        <source>See order · %1</source>
        <translation>ดูรายการ · %1</translation>
    </message>
    <message>
        <source>Pay with</source>
        <translation>ชำระด้วย</translation>
    </message>
    <message>
        <source>Cash at counter</source>
        <translation>เงินสดที่เคาน์เตอร์</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>เงินสด</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>บัตร</translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation>พร้อมเพย์</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>ยืนยันคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>See your order line by line: %1 items, %2</source>
        <translation>ดูรายการอาหารทีละรายการ: %1 รายการ, %2</translation>
    </message>
    <message>
        <source>See your order line by line: 1 item, %2</source>
        <translation>ดูรายการอาหารทีละรายการ: 1 รายการ, %2</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>Menu</source>
        <extracomment>the payment choices a found member gets beside their points (no extra screen)</extracomment>
        <translation>เมนู</translation>
    </message>
    <message>
        <source>MENU</source>
        <translation>เมนูอาหาร</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <source>Cash</source>
        <translation>เงินสด</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>บัตร</translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation>พร้อมเพย์</translation>
    </message>
</context>
<context>
    <name>Modes</name>
    <message>
        <source>Take away</source>
        <translation>กลับบ้าน</translation>
    </message>
    <message>
        <source>Dine in</source>
        <translation>ทานที่ร้าน</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>Clear</source>
        <translation>ล้าง</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>ลบตัวเลขหลักสุดท้าย</translation>
    </message>
</context>
<context>
    <name>OptionsSheet</name>
    <message>
        <source>Add to order  ·  %1</source>
        <translation>เพิ่มลงรายการ  ·  %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>เลือก %1 อย่าง</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>ต้องเลือก</translation>
    </message>
    <message>
        <source>Optional, up to %1</source>
        <translation>ไม่บังคับ เลือกได้สูงสุด %1</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>ไม่บังคับ</translation>
    </message>
    <message>
        <source>Save changes  ·  %1</source>
        <translation>บันทึกการเปลี่ยนแปลง  ·  %1</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <source>How would you like to pay?</source>
        <extracomment>a payment card&apos;s height in portrait (they were 420 px each, filling the screen)</extracomment>
        <translation>ต้องการชำระเงินด้วยวิธีใด?</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>ยอดที่ต้องชำระ</translation>
    </message>
    <message>
        <source>Pay at the counter</source>
        <translation>ชำระที่เคาน์เตอร์</translation>
    </message>
    <message>
        <source>Notes and coins</source>
        <translation>ธนบัตรและเหรียญ</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>เงินสด</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>บัตรเครดิต / เดบิต</translation>
    </message>
    <message>
        <source>Visa, Mastercard, JCB</source>
        <translation>วีซ่า มาสเตอร์การ์ด เจซีบี</translation>
    </message>
    <message>
        <source>PromptPay</source>
        <translation>พร้อมเพย์</translation>
    </message>
    <message>
        <source>Scan the QR with any banking app</source>
        <translation>สแกนคิวอาร์ด้วยแอปธนาคารใดก็ได้</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Confirm order</source>
        <translation>ยืนยันคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Subtotal %1</source>
        <translation>รวม %1</translation>
    </message>
    <message>
        <source>Points −%1</source>
        <translation>ส่วนลดแต้ม −%1</translation>
    </message>
    <message>
        <source>Service charge %1</source>
        <translation>ค่าบริการ %1</translation>
    </message>
    <message>
        <source>%1 · earns %2 points</source>
        <translation>%1 · รับ %2 แต้ม</translation>
    </message>
    <message>
        <source>No points collected</source>
        <translation>ไม่สะสมแต้ม</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>คำสั่งซื้อ %1</translation>
    </message>
</context>
<context>
    <name>Points</name>
    <message>
        <source>%1 points</source>
        <translation>%1 แต้ม</translation>
    </message>
</context>
<context>
    <name>PromptPayScreen</name>
    <message>
        <source>PromptPay  ·  Thai QR Payment</source>
        <translation>พร้อมเพย์  ·  Thai QR Payment</translation>
    </message>
    <message>
        <source>Pay to: %1</source>
        <translation>ชำระให้: %1</translation>
    </message>
    <message>
        <source>Scan to pay with PromptPay</source>
        <translation>สแกนเพื่อชำระด้วยพร้อมเพย์</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>คำสั่งซื้อ %1</translation>
    </message>
    <message>
        <source>1.  Open your banking app and choose Scan.</source>
        <translation>1.  เปิดแอปธนาคารแล้วเลือก &quot;สแกน&quot;</translation>
    </message>
    <message>
        <source>2.  Point your phone at the QR code.</source>
        <translation>2.  ส่องโทรศัพท์ไปที่คิวอาร์โค้ด</translation>
    </message>
    <message>
        <source>3.  Check the amount and confirm. We will see it here.</source>
        <translation>3.  ตรวจสอบยอดเงินแล้วกดยืนยัน หน้าจอนี้จะแจ้งผลทันที</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>เวลาที่เหลือ</translation>
    </message>
    <message>
        <source>Waiting for your payment…</source>
        <translation>กำลังรอการชำระเงิน…</translation>
    </message>
    <message>
        <source>Cancel and choose another way</source>
        <translation>ยกเลิกและเลือกวิธีอื่น</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Back to the start in %1 s, or tap anywhere.</source>
        <extracomment>the words, cards and buttons stand in one centred column this wide at most; the confetti keeps out of it a success has its own short timeout; a failure is watched like any other screen, so a customer who walks away gets &quot;Still there?&quot; and their order cancelled</extracomment>
        <translation>กลับสู่หน้าแรกใน %1 วินาที หรือแตะที่ใดก็ได้</translation>
    </message>
    <message>
        <source>The payment did not go through</source>
        <translation>การชำระเงินไม่สำเร็จ</translation>
    </message>
    <message>
        <source>Please pay at the counter</source>
        <translation>กรุณาชำระเงินที่เคาน์เตอร์</translation>
    </message>
    <message>
        <source>Please pay %1 at the counter, order %2</source>
        <translation>กรุณาชำระ %1 ที่เคาน์เตอร์ คำสั่งซื้อ %2</translation>
    </message>
    <message>
        <source>Thank you! Your order is in.</source>
        <translation>ขอบคุณ! เราได้รับคำสั่งซื้อของคุณแล้ว</translation>
    </message>
    <message>
        <source>Your order number</source>
        <translation>หมายเลขคำสั่งซื้อของคุณ</translation>
    </message>
    <message>
        <source>Show this number at the counter. We start cooking once you have paid.</source>
        <translation>แสดงหมายเลขนี้ที่เคาน์เตอร์ เราจะเริ่มทำอาหารเมื่อชำระเงินแล้ว</translation>
    </message>
    <message>
        <source>%1: we will call your number when it is ready.</source>
        <translation>%1: เราจะเรียกหมายเลขของคุณเมื่ออาหารพร้อม</translation>
    </message>
    <message>
        <source>%1: take a seat, we will bring it to your table.</source>
        <translation>%1: เชิญนั่งได้เลย เราจะนำอาหารไปเสิร์ฟที่โต๊ะ</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>ยกเลิกคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>เสร็จสิ้น</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>แต้มที่ได้รับ</translation>
    </message>
    <message>
        <source>New balance</source>
        <translation>แต้มคงเหลือ</translation>
    </message>
    <message>
        <source>Congratulations! You are now a %1 member.</source>
        <translation>ยินดีด้วย! คุณเป็นสมาชิกระดับ%1แล้ว</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Service charge %1%</source>
        <translation>ค่าบริการ %1%</translation>
    </message>
    <message>
        <source>Members earn %1 points with this order.</source>
        <translation>สมาชิกจะได้รับ %1 แต้มจากคำสั่งซื้อนี้</translation>
    </message>
    <message>
        <source>%1 each</source>
        <translation>ชิ้นละ %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <source>Check your order</source>
        <translation>ตรวจสอบรายการของคุณ</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>รวม</translation>
    </message>
    <message>
        <source>VAT %1% (included)</source>
        <translation>ภาษีมูลค่าเพิ่ม %1% (รวมแล้ว)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดสุทธิ</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>ดำเนินการต่อ</translation>
    </message>
    <message>
        <source>Add more dishes</source>
        <translation>สั่งเพิ่ม</translation>
    </message>
    <message>
        <source>Points discount</source>
        <translation>ส่วนลดจากแต้ม</translation>
    </message>
</context>
<context>
    <name>SignupScreen</name>
    <message>
        <source>Join our rewards</source>
        <translation>สมัครสมาชิกสะสมแต้ม</translation>
    </message>
    <message>
        <source>Type your first name. Points from this order go straight to your account.</source>
        <translation>กรอกชื่อของคุณ แต้มจากคำสั่งซื้อนี้จะเข้าบัญชีของคุณทันที</translation>
    </message>
    <message>
        <source>MOBILE NUMBER</source>
        <translation>หมายเลขโทรศัพท์มือถือ</translation>
    </message>
    <message>
        <source>FIRST NAME</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Yes, send me offers by SMS</source>
        <translation>ต้องการรับข้อเสนอพิเศษทาง SMS</translation>
    </message>
    <message>
        <source>Optional. We use your number to send special offers and news from this restaurant, at most twice a month. You can say no now and still collect points, and stop the messages at any time.</source>
        <translation>ไม่บังคับ เราจะใช้หมายเลขของคุณเพื่อส่งข้อเสนอพิเศษและข่าวสารจากร้าน ไม่เกินเดือนละ 2 ครั้ง คุณยังสะสมแต้มได้แม้ไม่ยินยอม และยกเลิกการรับข้อความได้ทุกเมื่อ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Join and continue</source>
        <translation>สมัครและดำเนินการต่อ</translation>
    </message>
</context>
<context>
    <name>StaffPad</name>
    <message>
        <source>Locked: %1 s</source>
        <translation>ล็อกอยู่: %1 วินาที</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>พนักงานเข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>Enter your staff number and PIN. Your manager can tell you your number.</source>
        <translation>กรอกรหัสพนักงานและ PIN ของคุณ หากไม่ทราบรหัสพนักงาน สอบถามผู้จัดการได้</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>รหัสพนักงาน</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>StaffSignIn</name>
    <message>
        <source>Too many wrong attempts. The staff pad is locked for %1 seconds.</source>
        <extracomment>the pad closes itself after this long without a tap</extracomment>
        <translation>กรอกผิดหลายครั้งเกินไป แป้นสำหรับพนักงานถูกล็อก %1 วินาที</translation>
    </message>
    <message>
        <source>Wrong staff number or PIN. 1 try left.</source>
        <translation>รหัสพนักงานหรือ PIN ไม่ถูกต้อง เหลืออีก 1 ครั้ง</translation>
    </message>
    <message>
        <source>Wrong staff number or PIN. %1 tries left.</source>
        <translation>รหัสพนักงานหรือ PIN ไม่ถูกต้อง เหลืออีก %1 ครั้ง</translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>Bronze</source>
        <translation>บรอนซ์</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>ซิลเวอร์</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>โกลด์</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>แพลทินัม</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome to</source>
        <extracomment>every Thai number (mobile or landline) starts with 0: it is given, so a mobile number is nine taps; a 0 typed first anyway is taken as that same 0, not doubled the attract loop shows the next dishes this often while nobody is there the table or pager number typed (&quot;&quot; when the customer skipped it)</extracomment>
        <translation>ยินดีต้อนรับสู่</translation>
    </message>
    <message>
        <source>our kitchen</source>
        <translation>ร้านของเรา</translation>
    </message>
    <message>
        <source>Eat here</source>
        <translation>ทานที่ร้าน</translation>
    </message>
    <message>
        <source>Take away</source>
        <translation>สั่งกลับบ้าน</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Your pager number</source>
        <translation>หมายเลขเพจเจอร์ของคุณ</translation>
    </message>
    <message>
        <source>Type the number on the pager you were given. It buzzes when your food is ready.</source>
        <translation>กดหมายเลขบนเพจเจอร์ที่ได้รับ เพจเจอร์จะสั่นเมื่ออาหารพร้อม</translation>
    </message>
    <message>
        <source>Your table number</source>
        <translation>หมายเลขโต๊ะของคุณ</translation>
    </message>
    <message>
        <source>Type the number on your table. We bring the food to you.</source>
        <translation>กดหมายเลขที่อยู่บนโต๊ะของคุณ แล้วเราจะนำอาหารไปเสิร์ฟ</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>ดำเนินการต่อ</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <source>Eat here: start your order</source>
        <translation>ทานที่ร้าน: เริ่มสั่งอาหาร</translation>
    </message>
    <message>
        <source>Take away: start your order</source>
        <translation>กลับบ้าน: เริ่มสั่งอาหาร</translation>
    </message>
    <message>
        <source>Touch to order. Pay here and collect points with your phone number.</source>
        <translation>แตะเพื่อสั่งอาหาร ชำระเงินได้ที่นี่ และสะสมแต้มด้วยเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <source>Where will you eat today?</source>
        <translation>วันนี้ทานที่ร้านหรือกลับบ้าน?</translation>
    </message>
    <message>
        <source>Demo: no money moves. Close the window to leave.</source>
        <translation>โหมดสาธิต: ไม่มีการเก็บเงินจริง ปิดหน้าต่างเพื่อออก</translation>
    </message>
    <message>
        <source>Staff panel: tap the top-left corner five times, staff number %1, PIN %2.</source>
        <translation>เมนูพนักงาน: แตะมุมซ้ายบน 5 ครั้ง รหัสพนักงาน %1 PIN %2</translation>
    </message>
</context>
</TS>
