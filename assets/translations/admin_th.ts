<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <source>Everything</source>
        <translation>ทั้งหมด</translation>
    </message>
    <message>
        <source>Sign-in, sign-out, staff accounts</source>
        <translation>เข้า/ออกจากระบบ, บัญชีพนักงาน</translation>
    </message>
    <message>
        <source>Order status, reprints</source>
        <translation>สถานะคำสั่งซื้อ, พิมพ์ใบเสร็จซ้ำ</translation>
    </message>
    <message>
        <source>Payments received, refunds</source>
        <translation>รับชำระเงิน, คืนเงิน</translation>
    </message>
    <message>
        <source>Points adjustments</source>
        <translation>ปรับแต้ม</translation>
    </message>
    <message>
        <source>Member profiles</source>
        <translation>ข้อมูลสมาชิก</translation>
    </message>
    <message>
        <source>Menu, options</source>
        <translation>เมนู, ตัวเลือก</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>การส่งออก</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>โหมดคีออสก์</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>คำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>การชำระเงิน</translation>
    </message>
    <message>
        <source>Members (joined in the range)</source>
        <translation>สมาชิก (สมัครในช่วงวันที่)</translation>
    </message>
    <message>
        <source>Loyalty transactions</source>
        <translation>รายการแต้มสะสม</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>บันทึกการใช้งาน</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>ส่งออกเป็น CSV</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel shows Thai correctly); times in the store&apos;s time zone; both dates included.</source>
        <translation>ไฟล์ UTF-8 แบบมี BOM (เปิดใน Excel แล้วภาษาไทยไม่เพี้ยน) เวลาเป็นเวลาท้องถิ่นของร้าน และรวมทั้งวันเริ่มต้นและวันสิ้นสุด</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <source>To</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>ส่งออก CSV…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>หยุด</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>วันสิ้นสุดอยู่ก่อนวันเริ่มต้น</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>บันทึกไฟล์ CSV</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>กำลังส่งออก…</translation>
    </message>
    <message>
        <source>Exporting… {n} rows</source>
        <translation>กำลังส่งออก… {n} แถว</translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation>ส่งออก {n} แถวไปที่ {path} แล้ว</translation>
    </message>
    <message>
        <source>Audit log &amp; export</source>
        <translation>บันทึกการใช้งานและส่งออก</translation>
    </message>
    <message>
        <source>Every staff action, newest first.</source>
        <translation>ทุกการกระทำของพนักงาน เรียงจากล่าสุด</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>ชื่อพนักงาน</translation>
    </message>
    <message>
        <source>CSV export</source>
        <translation>ส่งออก CSV</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>ก่อน:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>หลัง:</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>ยอดขาย</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>ยอดเฉลี่ยต่อบิล</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>คืนเงิน</translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation>แต้มที่ให้</translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation>แต้มที่ใช้แลก</translation>
    </message>
    <message>
        <source>Payments by method</source>
        <translation>ยอดชำระตามช่องทาง</translation>
    </message>
    <message>
        <source>Kitchen queue</source>
        <translation>คิวในครัว</translation>
    </message>
    <message>
        <source>Best sellers</source>
        <translation>เมนูขายดี</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>ยังไม่มียอดขาย</translation>
    </message>
    <message>
        <source>{n} payments</source>
        <translation>{n} รายการชำระ</translation>
    </message>
    <message>
        <source>paid orders</source>
        <translation>คำสั่งซื้อที่ชำระแล้ว</translation>
    </message>
    <message>
        <source>per paid order</source>
        <translation>ต่อคำสั่งซื้อที่ชำระแล้ว</translation>
    </message>
    <message>
        <source>{n} refunded</source>
        <translation>คืนเงิน {n} รายการ</translation>
    </message>
    <message>
        <source>earned, net of refunds</source>
        <translation>ที่ได้รับ หักที่คืนเงินแล้ว</translation>
    </message>
    <message>
        <source>spent as discounts</source>
        <translation>ที่ใช้เป็นส่วนลด</translation>
    </message>
    <message>
        <source>Sales by hour (THB)</source>
        <translation>ยอดขายรายชั่วโมง (บาท)</translation>
    </message>
    <message>
        <source> · busiest {hour:02d}:00, {amount}</source>
        <translation> · ขายดีสุด {hour:02d}:00 น. {amount}</translation>
    </message>
    <message>
        <source>This day: </source>
        <translation>ทั้งวัน: </translation>
    </message>
    <message>
        <source>no orders</source>
        <translation>ไม่มีคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Updated {time} · updates live as orders are paid</source>
        <translation>อัปเดตเมื่อ {time} น. · อัปเดตทันทีเมื่อมีการชำระเงิน</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <source>No</source>
        <translation>ไม่ใช่</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ไฟล์ CSV (*.csv)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>รูปภาพ (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>รอดำเนินการ</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>กำลังทำ</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>พร้อมเสิร์ฟ</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>เสร็จสิ้น</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ยกเลิกแล้ว</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>คืนเงินแล้ว</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>ชำระแล้ว</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ไม่สำเร็จ</translation>
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
        <source>Dine in</source>
        <translation>ทานที่ร้าน</translation>
    </message>
    <message>
        <source>Take away</source>
        <translation>กลับบ้าน</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>เจ้าของร้าน</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>ผู้จัดการ</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>แคชเชียร์</translation>
    </message>
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
    <message>
        <source>Earned</source>
        <translation>ได้รับ</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>ใช้แลก</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>หมดอายุ</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>ปรับโดยพนักงาน</translation>
    </message>
    <message>
        <source>OrderUp Kiosk</source>
        <translation>OrderUp คีออสก์</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>คุณคือใคร?</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>รหัส PIN</translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation>ตัวเลข 4 ถึง 8 หลัก</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>Create the owner account</source>
        <translation>สร้างบัญชีเจ้าของร้าน</translation>
    </message>
    <message>
        <source>There are no staff accounts yet. The owner can add managers and cashiers after signing in.</source>
        <translation>ยังไม่มีบัญชีพนักงาน เจ้าของร้านเพิ่มผู้จัดการและแคชเชียร์ได้หลังเข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>ชื่อของคุณ</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>ยืนยันรหัส PIN</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>สร้างและเข้าสู่ระบบ</translation>
    </message>
    <message>
        <source>OrderUp staff sign-in</source>
        <translation>OrderUp เข้าสู่ระบบพนักงาน</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>ยินดีต้อนรับ</translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation>เข้าสู่ระบบพนักงาน</translation>
    </message>
    <message>
        <source>There are no staff accounts yet. Create the owner with: </source>
        <translation>ยังไม่มีบัญชีพนักงาน สร้างบัญชีเจ้าของร้านด้วยคำสั่ง: </translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>กรุณาเลือกชื่อของคุณก่อน</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation>รหัส PIN ต้องเป็นตัวเลข 4 ถึง 8 หลัก</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>รหัส PIN ทั้งสองช่องไม่ตรงกัน</translation>
    </message>
    <message>
        <source>History</source>
        <translation>ประวัติ</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ข้อมูลส่วนตัว</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>ปรับแต้ม</translation>
    </message>
    <message>
        <source>Privacy (PDPA)</source>
        <translation>ความเป็นส่วนตัว (PDPA)</translation>
    </message>
    <message>
        <source>Agrees to SMS marketing</source>
        <translation>ยินยอมรับข่าวสารทาง SMS</translation>
    </message>
    <message>
        <source>Agrees to e-mail marketing</source>
        <translation>ยินยอมรับข่าวสารทางอีเมล</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>เบอร์โทร</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Consent is opt-in (PDPA): tick only when the member asked for it.</source>
        <translation>การยินยอมต้องมาจากสมาชิกเอง (PDPA): ติ๊กเฉพาะเมื่อสมาชิกขอเท่านั้น</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>บันทึกข้อมูล</translation>
    </message>
    <message>
        <source>Required, e.g. &apos;Missed points for order A042&apos;</source>
        <translation>จำเป็น เช่น &apos;แต้มตกหล่นของคำสั่งซื้อ A042&apos;</translation>
    </message>
    <message>
        <source>Points (+ add, − remove)</source>
        <translation>แต้ม (+ เพิ่ม, − ลด)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <source>Apply adjustment</source>
        <translation>ปรับแต้ม</translation>
    </message>
    <message>
        <source>Only a manager or the owner can adjust points.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่ปรับแต้มได้</translation>
    </message>
    <message>
        <source>No member selected</source>
        <translation>ยังไม่ได้เลือกสมาชิก</translation>
    </message>
    <message>
        <source>Search by phone in any format (081-234-5678) or by name.</source>
        <translation>ค้นหาด้วยเบอร์โทร (พิมพ์แบบใดก็ได้ เช่น 081-234-5678) หรือชื่อ</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ไม่มีชื่อ)</translation>
    </message>
    <message>
        <source>{n} points to {tier}</source>
        <translation>อีก {n} แต้มถึงระดับ{tier}</translation>
    </message>
    <message>
        <source>top tier</source>
        <translation>ระดับสูงสุดแล้ว</translation>
    </message>
    <message>
        <source>phone erased</source>
        <translation>ลบเบอร์โทรแล้ว</translation>
    </message>
    <message>
        <source>joined {date}</source>
        <translation>สมัครเมื่อ {date}</translation>
    </message>
    <message>
        <source>{n} visits</source>
        <translation>มาใช้บริการ {n} ครั้ง</translation>
    </message>
    <message>
        <source>spent {amount}</source>
        <translation>ยอดใช้จ่าย {amount}</translation>
    </message>
    <message>
        <source>last visit {date}</source>
        <translation>มาล่าสุด {date}</translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation>{n} แต้ม</translation>
    </message>
    <message>
        <source>{tier} · lifetime {n} · {next}</source>
        <translation>ระดับ{tier} · สะสมทั้งหมด {n} · {next}</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>ไม่มีอะไรต้องบันทึก</translation>
    </message>
    <message>
        <source>The first name cannot be empty.</source>
        <translation>ต้องกรอกชื่อ</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <source>Enter a number of points other than zero.</source>
        <translation>กรุณากรอกจำนวนแต้มที่ไม่ใช่ศูนย์</translation>
    </message>
    <message>
        <source>Done: {points} points, new balance {balance}.</source>
        <translation>เรียบร้อย: {points} แต้ม ยอดคงเหลือใหม่ {balance}</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <source>Phone (any format) or name</source>
        <translation>เบอร์โทร (แบบใดก็ได้) หรือชื่อ</translation>
    </message>
    <message>
        <source>{n} members</source>
        <translation>สมาชิก {n} คน</translation>
    </message>
    <message>
        <source>{n} found by phone</source>
        <translation>พบจากเบอร์โทร {n} คน</translation>
    </message>
    <message>
        <source>{n} with a phone starting like this</source>
        <translation>เบอร์โทรขึ้นต้นแบบนี้ {n} คน</translation>
    </message>
    <message>
        <source>{n} with a name starting like this</source>
        <translation>ชื่อขึ้นต้นแบบนี้ {n} คน</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>ตัวเลือก</translation>
    </message>
    <message>
        <source>Size, spice level, extras: what customers choose when they tap the dish. Orders already placed keep the options they were sold with.</source>
        <translation>ขนาด ระดับความเผ็ด ท็อปปิ้ง: สิ่งที่ลูกค้าเลือกเมื่อแตะเมนู คำสั่งซื้อที่สั่งไปแล้วยังคงตัวเลือกตามที่ขายไป</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>ตัวเลือก</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>ราคา</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>เพิ่มกลุ่ม</translation>
    </message>
    <message>
        <source>New option</source>
        <translation>เพิ่มตัวเลือก</translation>
    </message>
    <message>
        <source>Choose a group or an option above to change it.</source>
        <translation>เลือกกลุ่มหรือตัวเลือกด้านบนเพื่อแก้ไข</translation>
    </message>
    <message>
        <source>Thai name</source>
        <translation>ชื่อไทย</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>ชื่ออังกฤษ</translation>
    </message>
    <message>
        <source>Customers choose at least</source>
        <translation>ลูกค้าเลือกอย่างน้อย</translation>
    </message>
    <message>
        <source>and at most</source>
        <translation>และไม่เกิน</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>ลบกลุ่ม</translation>
    </message>
    <message>
        <source>0, 20 or -10</source>
        <translation>0, 20 หรือ -10</translation>
    </message>
    <message>
        <source>Chosen by default</source>
        <translation>เลือกไว้ให้ล่วงหน้า</translation>
    </message>
    <message>
        <source>Available (untick when sold out)</source>
        <translation>มีขาย (เอาเครื่องหมายออกเมื่อของหมด)</translation>
    </message>
    <message>
        <source>Price change (THB)</source>
        <translation>ราคาเพิ่ม/ลด (บาท)</translation>
    </message>
    <message>
        <source>Delete option</source>
        <translation>ลบตัวเลือก</translation>
    </message>
    <message>
        <source>No options</source>
        <translation>ไม่มีตัวเลือก</translation>
    </message>
    <message>
        <source>Group: {name}</source>
        <translation>กลุ่ม: {name}</translation>
    </message>
    <message>
        <source>Save group</source>
        <translation>บันทึกกลุ่ม</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>เพิ่มกลุ่ม</translation>
    </message>
    <message>
        <source>Option of {group}</source>
        <translation>ตัวเลือกในกลุ่ม{group}</translation>
    </message>
    <message>
        <source>New option in {group}</source>
        <translation>ตัวเลือกใหม่ในกลุ่ม{group}</translation>
    </message>
    <message>
        <source>Save availability</source>
        <translation>บันทึกสถานะมีขาย</translation>
    </message>
    <message>
        <source>Save option</source>
        <translation>บันทึกตัวเลือก</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>เพิ่มตัวเลือก</translation>
    </message>
    <message>
        <source>Customers must choose exactly {n}.</source>
        <translation>ลูกค้าต้องเลือก {n} อย่างพอดี</translation>
    </message>
    <message>
        <source>Optional: customers may choose up to {n}.</source>
        <translation>ไม่บังคับ: ลูกค้าเลือกได้ไม่เกิน {n} อย่าง</translation>
    </message>
    <message>
        <source>Customers choose {lo} to {hi}.</source>
        <translation>ลูกค้าเลือก {lo} ถึง {hi} อย่าง</translation>
    </message>
    <message>
        <source>choose {n}</source>
        <translation>เลือก {n}</translation>
    </message>
    <message>
        <source>up to {n}</source>
        <translation>ไม่เกิน {n}</translation>
    </message>
    <message>
        <source>{lo} to {hi}</source>
        <translation>{lo} ถึง {hi}</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation> (ค่าเริ่มต้น)</translation>
    </message>
    <message>
        <source> · sold out</source>
        <translation> · หมด</translation>
    </message>
    <message>
        <source>Customers cannot order this dish until this group has {n} available options.</source>
        <translation>ลูกค้าจะสั่งเมนูนี้ไม่ได้จนกว่ากลุ่มนี้จะมีตัวเลือกที่มีขายอย่างน้อย {n} รายการ</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>เมนู</translation>
    </message>
    <message>
        <source>Tick &apos;Available&apos; off when a dish runs out; kiosks update at once.</source>
        <translation>เอาเครื่องหมาย &apos;มีขาย&apos; ออกเมื่ออาหารหมด คีออสก์จะอัปเดตทันที</translation>
    </message>
    <message>
        <source>Dish</source>
        <translation>อาหาร</translation>
    </message>
    <message>
        <source>Options ({n})</source>
        <translation>ตัวเลือก ({n})</translation>
    </message>
    <message>
        <source>Change picture…</source>
        <translation>เปลี่ยนรูป…</translation>
    </message>
    <message>
        <source>Price (THB, VAT incl.)</source>
        <translation>ราคา (บาท รวม VAT)</translation>
    </message>
    <message>
        <source>Description (TH)</source>
        <translation>คำอธิบาย (ไทย)</translation>
    </message>
    <message>
        <source>Description (EN)</source>
        <translation>คำอธิบาย (อังกฤษ)</translation>
    </message>
    <message>
        <source>Save item</source>
        <translation>บันทึกเมนู</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>ทุกเมนู</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>หมด</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>เลือกรูปภาพ</translation>
    </message>
    <message>
        <source>The price must be a number such as 120 or 120.50.</source>
        <translation>ราคาต้องเป็นตัวเลข เช่น 120 หรือ 120.50</translation>
    </message>
    <message>
        <source>Both names are needed (Thai and English).</source>
        <translation>ต้องมีชื่อทั้งสองภาษา (ไทยและอังกฤษ)</translation>
    </message>
    <message>
        <source>Group added. Now add its options.</source>
        <translation>เพิ่มกลุ่มแล้ว ต่อไปเพิ่มตัวเลือกของกลุ่มนี้</translation>
    </message>
    <message>
        <source>Group saved.</source>
        <translation>บันทึกกลุ่มแล้ว</translation>
    </message>
    <message>
        <source>Delete {group} and its {n} options? Orders already placed keep them on their receipts.</source>
        <translation>ลบกลุ่ม {group} และตัวเลือกทั้ง {n} รายการใช่ไหม? คำสั่งซื้อที่สั่งไปแล้วยังคงแสดงในใบเสร็จ</translation>
    </message>
    <message>
        <source>Group deleted.</source>
        <translation>ลบกลุ่มแล้ว</translation>
    </message>
    <message>
        <source>The price change must be a number such as 20, -10 or 15.50.</source>
        <translation>ราคาเพิ่ม/ลดต้องเป็นตัวเลข เช่น 20, -10 หรือ 15.50</translation>
    </message>
    <message>
        <source>Option added.</source>
        <translation>เพิ่มตัวเลือกแล้ว</translation>
    </message>
    <message>
        <source>Option saved.</source>
        <translation>บันทึกตัวเลือกแล้ว</translation>
    </message>
    <message>
        <source>Delete {option} from {group}? Orders already placed keep it.</source>
        <translation>ลบ {option} ออกจากกลุ่ม{group} ใช่ไหม? คำสั่งซื้อที่สั่งไปแล้วยังคงมีตัวเลือกนี้</translation>
    </message>
    <message>
        <source>Option deleted.</source>
        <translation>ลบตัวเลือกแล้ว</translation>
    </message>
    <message>
        <source>Only a manager or the owner can refund.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่คืนเงินได้</translation>
    </message>
    <message>
        <source>Only a manager or the owner can change settings.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่เปลี่ยนการตั้งค่าได้</translation>
    </message>
    <message>
        <source>Only the owner can change the PromptPay ID.</source>
        <translation>เฉพาะเจ้าของร้านเท่านั้นที่เปลี่ยนหมายเลขพร้อมเพย์ได้</translation>
    </message>
    <message>
        <source>Only a manager or the owner can manage staff.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่จัดการพนักงานได้</translation>
    </message>
    <message>
        <source>Only an owner can manage owner accounts.</source>
        <translation>เฉพาะเจ้าของร้านเท่านั้นที่จัดการบัญชีเจ้าของร้านได้</translation>
    </message>
    <message>
        <source>Only a manager or the owner can edit the menu.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่แก้ไขเมนูได้</translation>
    </message>
    <message>
        <source>Only a manager or the owner can see the audit log.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่ดูบันทึกการใช้งานได้</translation>
    </message>
    <message>
        <source>Only a manager or the owner can export data.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่ส่งออกข้อมูลได้</translation>
    </message>
    <message>
        <source>Only a manager or the owner can leave kiosk mode.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่ออกจากโหมดคีออสก์ได้</translation>
    </message>
    <message>
        <source>Only a manager or the owner can export a member&apos;s data.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่ส่งออกข้อมูลสมาชิกได้</translation>
    </message>
    <message>
        <source>Only a manager or the owner can erase a member.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่ลบข้อมูลสมาชิกได้</translation>
    </message>
    <message>
        <source>Give a reason for erasing the member, e.g. &apos;asked by e-mail&apos;.</source>
        <translation>โปรดระบุเหตุผลในการลบข้อมูลสมาชิก เช่น &apos;ขอทางอีเมล&apos;</translation>
    </message>
    <message>
        <source>This member&apos;s personal data was already erased.</source>
        <translation>ข้อมูลส่วนบุคคลของสมาชิกนี้ถูกลบไปแล้ว</translation>
    </message>
    <message>
        <source>This member&apos;s personal data was erased; it cannot be edited.</source>
        <translation>ข้อมูลส่วนบุคคลของสมาชิกนี้ถูกลบแล้ว แก้ไขไม่ได้</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>คุณไม่มีสิทธิ์ทำรายการนี้</translation>
    </message>
    <message>
        <source>This staff account is disabled. Sign in again.</source>
        <translation>บัญชีพนักงานนี้ถูกปิดใช้งาน กรุณาเข้าสู่ระบบใหม่</translation>
    </message>
    <message>
        <source>Wrong name or PIN.</source>
        <translation>ชื่อหรือรหัส PIN ไม่ถูกต้อง</translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s name.</source>
        <translation>กรุณากรอกชื่อพนักงาน</translation>
    </message>
    <message>
        <source>A staff name can have at most 64 characters.</source>
        <translation>ชื่อพนักงานยาวได้ไม่เกิน 64 ตัวอักษร</translation>
    </message>
    <message>
        <source>The last owner cannot be demoted or disabled.</source>
        <translation>ไม่สามารถลดสิทธิ์หรือปิดใช้งานเจ้าของร้านคนสุดท้ายได้</translation>
    </message>
    <message>
        <source>That staff account does not exist.</source>
        <translation>ไม่พบบัญชีพนักงานนี้</translation>
    </message>
    <message>
        <source>Enter the English name.</source>
        <translation>กรุณากรอกชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <source>Enter the Thai name.</source>
        <translation>กรุณากรอกชื่อภาษาไทย</translation>
    </message>
    <message>
        <source>A name can have at most 100 characters.</source>
        <translation>ชื่อยาวได้ไม่เกิน 100 ตัวอักษร</translation>
    </message>
    <message>
        <source>How many to choose must be a whole number.</source>
        <translation>จำนวนที่เลือกต้องเป็นจำนวนเต็ม</translation>
    </message>
    <message>
        <source>Customers must be able to choose at least one option.</source>
        <translation>ลูกค้าต้องเลือกได้อย่างน้อยหนึ่งตัวเลือก</translation>
    </message>
    <message>
        <source>Customers can choose at most 20 options of a group.</source>
        <translation>ลูกค้าเลือกได้ไม่เกิน 20 ตัวเลือกต่อกลุ่ม</translation>
    </message>
    <message>
        <source>The minimum cannot be below zero.</source>
        <translation>จำนวนขั้นต่ำต้องไม่น้อยกว่าศูนย์</translation>
    </message>
    <message>
        <source>The minimum cannot be more than the maximum.</source>
        <translation>จำนวนขั้นต่ำต้องไม่มากกว่าจำนวนสูงสุด</translation>
    </message>
    <message>
        <source>Please enter a first name.</source>
        <translation>กรุณากรอกชื่อ</translation>
    </message>
    <message>
        <source>That name is too long.</source>
        <translation>ชื่อยาวเกินไป</translation>
    </message>
    <message>
        <source>That member does not exist.</source>
        <translation>ไม่พบสมาชิกนี้</translation>
    </message>
    <message>
        <source>Birth date must look like 1990-04-13.</source>
        <translation>วันเกิดต้องอยู่ในรูปแบบ 1990-04-13</translation>
    </message>
    <message>
        <source>Another member already has that phone number.</source>
        <translation>เบอร์โทรนี้เป็นของสมาชิกคนอื่นแล้ว</translation>
    </message>
    <message>
        <source>No member has that phone number.</source>
        <translation>ไม่พบสมาชิกที่ใช้เบอร์โทรนี้</translation>
    </message>
    <message>
        <source>A reason is required to adjust points.</source>
        <translation>ต้องระบุเหตุผลในการปรับแต้ม</translation>
    </message>
    <message>
        <source>Enter a whole number of points other than zero.</source>
        <translation>กรุณากรอกจำนวนแต้มเป็นจำนวนเต็มที่ไม่ใช่ศูนย์</translation>
    </message>
    <message>
        <source>A reason is required for a refund.</source>
        <translation>ต้องระบุเหตุผลในการคืนเงิน</translation>
    </message>
    <message>
        <source>This payment was refunded already.</source>
        <translation>รายการชำระเงินนี้คืนเงินไปแล้ว</translation>
    </message>
    <message>
        <source>Only cash or PromptPay can be marked as received.</source>
        <translation>ทำเครื่องหมายว่ารับเงินแล้วได้เฉพาะเงินสดหรือพร้อมเพย์</translation>
    </message>
    <message>
        <source>A PromptPay ID is made of digits only.</source>
        <translation>หมายเลขพร้อมเพย์ต้องเป็นตัวเลขเท่านั้น</translation>
    </message>
    <message>
        <source>A national ID or tax ID has 13 digits.</source>
        <translation>เลขประจำตัวประชาชนหรือเลขประจำตัวผู้เสียภาษีมี 13 หลัก</translation>
    </message>
    <message>
        <source>An e-wallet ID has 15 digits.</source>
        <translation>หมายเลขอีวอลเล็ตมี 15 หลัก</translation>
    </message>
    <message>
        <source>A Thai mobile number starts with 06, 08 or 09. Please check the number.</source>
        <translation>เบอร์มือถือไทยขึ้นต้นด้วย 06, 08 หรือ 09 กรุณาตรวจสอบหมายเลข</translation>
    </message>
    <message>
        <source>A PromptPay ID may contain only digits, spaces and dashes (and a + before a country code).</source>
        <translation>หมายเลขพร้อมเพย์มีได้เฉพาะตัวเลข ช่องว่าง และขีด (และ + หน้ารหัสประเทศ)</translation>
    </message>
    <message>
        <source>A Thai mobile number has 9 digits after +66 (for example +66 81 234 5678).</source>
        <translation>เบอร์มือถือไทยมี 9 หลักหลัง +66 (เช่น +66 81 234 5678)</translation>
    </message>
    <message>
        <source>Only Thai mobile numbers (+66) can receive PromptPay.</source>
        <translation>รับพร้อมเพย์ได้เฉพาะเบอร์มือถือไทย (+66)</translation>
    </message>
    <message>
        <source>This national ID or tax ID is not valid: its check digit does not match. Please check the number for a typo.</source>
        <translation>เลขประจำตัวประชาชนหรือเลขประจำตัวผู้เสียภาษีนี้ไม่ถูกต้อง: หลักตรวจสอบไม่ตรง กรุณาตรวจสอบว่าพิมพ์ผิดหรือไม่</translation>
    </message>
    <message>
        <source>This looks like a landline number. PromptPay needs a mobile number (10 digits, for example 081-234-5678).</source>
        <translation>หมายเลขนี้ดูเหมือนเบอร์โทรศัพท์บ้าน พร้อมเพย์ต้องใช้เบอร์มือถือ (10 หลัก เช่น 081-234-5678)</translation>
    </message>
    <message>
        <source>Amounts must be given as Decimal, int or text, never float.</source>
        <translation>จำนวนเงินต้องเป็น Decimal, int หรือข้อความ ห้ามเป็น float</translation>
    </message>
    <message>
        <source>An amount of money must be a finite number.</source>
        <translation>จำนวนเงินต้องเป็นตัวเลขที่มีค่าจำกัด</translation>
    </message>
    <message>
        <source>{n} seconds</source>
        <translation>{n} วินาที</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} นาที</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} ชั่วโมง</translation>
    </message>
    <message>
        <source>Too many wrong PINs. {name} is locked for {duration}.</source>
        <translation>ใส่รหัส PIN ผิดหลายครั้งเกินไป บัญชี {name} ถูกล็อก {duration}</translation>
    </message>
    <message>
        <source>Too many wrong PINs. {name} is locked for {duration} more.</source>
        <translation>ใส่รหัส PIN ผิดหลายครั้งเกินไป บัญชี {name} ยังถูกล็อกอีก {duration}</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before a lock-out.</source>
        <translation>รหัส PIN ไม่ถูกต้อง ลองได้อีก 1 ครั้งก่อนถูกล็อก</translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left before a lock-out.</source>
        <translation>รหัส PIN ไม่ถูกต้อง ลองได้อีก {n} ครั้งก่อนถูกล็อก</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>กรุณาระบุเหตุผล</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>เรียงลำดับคอลัมน์นี้ไม่ได้</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>ยังไม่ชำระ</translation>
    </message>
    <message>
        <source>{method} · at counter</source>
        <translation>{method} · ชำระที่เคาน์เตอร์</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>คำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>รูปแบบ</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>ยอดรวม</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>การชำระเงิน</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>คีออสก์</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>ระดับ</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>แต้ม</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>ยอดใช้จ่าย</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>ครั้ง</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>วันที่สมัคร</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <source>When</source>
        <translation>เมื่อ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>คงเหลือ</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>พนักงาน</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>การกระทำ</translation>
    </message>
    <message>
        <source>On</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>ก่อน</translation>
    </message>
    <message>
        <source>After</source>
        <translation>หลัง</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>หมวดหมู่</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>มีขาย</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>มีขาย</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>เข้าสู่ระบบล่าสุด</translation>
    </message>
    <message>
        <source>Staff no. (kiosk pad)</source>
        <translation>รหัสพนักงาน (แป้นคีออสก์)</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>ปิดใช้งาน</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>ถูกล็อกถึง {time} น.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ใช้งานอยู่</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>ยังไม่เคย</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>รอชำระเงิน</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>คำสั่งซื้อทั้งหมด</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>จำนวน</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>จำนวนเงิน</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>เลขอ้างอิง</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>พร้อมเสิร์ฟแล้ว</translation>
    </message>
    <message>
        <source>Complete (picked up)</source>
        <translation>เสร็จสิ้น (รับอาหารแล้ว)</translation>
    </message>
    <message>
        <source>Back to kitchen</source>
        <translation>ส่งกลับเข้าครัว</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>ยกเลิกคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>รับเงินสดแล้ว</translation>
    </message>
    <message>
        <source>PromptPay received</source>
        <translation>รับพร้อมเพย์แล้ว</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>คืนเงิน…</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>พิมพ์ใบเสร็จซ้ำ</translation>
    </message>
    <message>
        <source>Reprint kitchen ticket</source>
        <translation>พิมพ์ใบครัวซ้ำ</translation>
    </message>
    <message>
        <source>Full tax invoice…</source>
        <translation>ใบกำกับภาษีเต็มรูป…</translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation>ยังไม่ได้เลือกคำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Choose an order on the left to see its lines and payments.</source>
        <translation>เลือกคำสั่งซื้อทางซ้ายเพื่อดูรายการอาหารและการชำระเงิน</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>คำสั่งซื้อ {number}</translation>
    </message>
    <message>
        <source>Member {name} {phone}</source>
        <translation>สมาชิก {name} {phone}</translation>
    </message>
    <message>
        <source>Subtotal {amount}</source>
        <translation>ยอดรวมย่อย {amount}</translation>
    </message>
    <message>
        <source>Points discount ({points} pts) −{amount}</source>
        <translation>ส่วนลดจากแต้ม ({points} แต้ม) −{amount}</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>ยอดสุทธิ {amount}</translation>
    </message>
    <message>
        <source>incl. VAT {amount}</source>
        <translation>รวม VAT {amount}</translation>
    </message>
    <message>
        <source>Points earned {n}</source>
        <translation>ได้รับแต้ม {n}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>รอยืนยัน</translation>
    </message>
    <message>
        <source>Kitchen ticket printed</source>
        <translation>พิมพ์ใบครัวแล้ว</translation>
    </message>
    <message>
        <source>Kitchen ticket waiting: {error}</source>
        <translation>ใบครัวรอพิมพ์: {error}</translation>
    </message>
    <message>
        <source>Kitchen ticket queued</source>
        <translation>ใบครัวอยู่ในคิวพิมพ์</translation>
    </message>
    <message>
        <source>Live: new and paid orders appear by themselves.</source>
        <translation>อัปเดตสด: คำสั่งซื้อใหม่และที่ชำระแล้วจะแสดงขึ้นเอง</translation>
    </message>
    <message>
        <source>Order number (A042) or member phone</source>
        <translation>เลขคำสั่งซื้อ (A042) หรือเบอร์โทรสมาชิก</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} คำสั่งซื้อ</translation>
    </message>
    <message>
        <source>Printers: all printed</source>
        <translation>เครื่องพิมพ์: พิมพ์ครบแล้ว</translation>
    </message>
    <message>
        <source>Printers: {n} waiting</source>
        <translation>เครื่องพิมพ์: รอพิมพ์ {n} รายการ</translation>
    </message>
    <message>
        <source>Cancel order {number}? Redeemed points go back to the member.</source>
        <translation>ยกเลิกคำสั่งซื้อ {number} ใช่ไหม? แต้มที่ใช้แลกจะคืนให้สมาชิก</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>เปลี่ยนสถานะ</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>รับชำระเงินแล้ว</translation>
    </message>
    <message>
        <source>{method} of {amount} received for order {number}?</source>
        <translation>ได้รับ{method} {amount} สำหรับคำสั่งซื้อ {number} แล้วใช่ไหม?</translation>
    </message>
    <message>
        <source>Refund order {number}</source>
        <translation>คืนเงินคำสั่งซื้อ {number}</translation>
    </message>
    <message>
        <source>Refund {amount}. Reason (required):</source>
        <translation>คืนเงิน {amount} เหตุผล (จำเป็น):</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>คืนเงิน</translation>
    </message>
    <message>
        <source>Refunded {amount} for order {number}.</source>
        <translation>คืนเงิน {amount} สำหรับคำสั่งซื้อ {number} แล้ว</translation>
    </message>
    <message>
        <source>A copy marked REPRINT is queued for the kitchen printer.</source>
        <translation>ส่งสำเนาที่พิมพ์คำว่า REPRINT เข้าคิวเครื่องพิมพ์ครัวแล้ว</translation>
    </message>
    <message>
        <source>Full tax invoice</source>
        <translation>ใบกำกับภาษีเต็มรูป</translation>
    </message>
    <message>
        <source>Buyer&apos;s name (company or person)</source>
        <translation>ชื่อผู้ซื้อ (บริษัทหรือบุคคล)</translation>
    </message>
    <message>
        <source>Buyer&apos;s address</source>
        <translation>ที่อยู่ผู้ซื้อ</translation>
    </message>
    <message>
        <source>Buyer&apos;s 13-digit tax ID</source>
        <translation>เลขประจำตัวผู้เสียภาษีของผู้ซื้อ 13 หลัก</translation>
    </message>
    <message>
        <source>Branch (00000 = head office)</source>
        <translation>สาขา (00000 = สำนักงานใหญ่)</translation>
    </message>
    <message>
        <source>(issued before: this is a copy)</source>
        <translation>(ออกไว้แล้ว: นี่คือสำเนา)</translation>
    </message>
    <message>
        <source>Tax invoice {number} saved to {path}</source>
        <translation>บันทึกใบกำกับภาษี {number} ไว้ที่ {path}</translation>
    </message>
    <message>
        <source>Receipt saved to {path}</source>
        <translation>บันทึกใบเสร็จไว้ที่ {path}</translation>
    </message>
    <message>
        <source>Saved in the database: every kiosk of the store uses them.</source>
        <translation>บันทึกในฐานข้อมูล: ทุกคีออสก์ของร้านใช้ค่าเดียวกัน</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>บันทึกการตั้งค่า</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>ร้าน</translation>
    </message>
    <message>
        <source>Mobile 08x-xxx-xxxx, tax ID or e-wallet ID</source>
        <translation>เบอร์มือถือ 08x-xxx-xxxx เลขผู้เสียภาษี หรืออีวอลเล็ต</translation>
    </message>
    <message>
        <source>Store name (English)</source>
        <translation>ชื่อร้าน (อังกฤษ)</translation>
    </message>
    <message>
        <source>Store name (Thai)</source>
        <translation>ชื่อร้าน (ไทย)</translation>
    </message>
    <message>
        <source>VAT included in prices</source>
        <translation>VAT ที่รวมในราคา</translation>
    </message>
    <message>
        <source>PromptPay ID</source>
        <translation>หมายเลขพร้อมเพย์</translation>
    </message>
    <message>
        <source>Test QR</source>
        <translation>QR ทดสอบ</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>แต้มสะสม</translation>
    </message>
    <message>
        <source> points = ฿1</source>
        <translation> แต้ม = ฿1</translation>
    </message>
    <message>
        <source> months</source>
        <translation> เดือน</translation>
    </message>
    <message>
        <source>Earn 1 point per (THB)</source>
        <translation>ได้ 1 แต้มทุก (บาท)</translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation>ใช้แลก</translation>
    </message>
    <message>
        <source>Points expire after</source>
        <translation>แต้มหมดอายุหลัง</translation>
    </message>
    <message>
        <source>Tier thresholds (lifetime points)</source>
        <translation>เกณฑ์ระดับสมาชิก (แต้มสะสมทั้งหมด)</translation>
    </message>
    <message>
        <source>Time-outs</source>
        <translation>การหมดเวลา</translation>
    </message>
    <message>
        <source> s</source>
        <translation> วินาที</translation>
    </message>
    <message>
        <source> min</source>
        <translation> นาที</translation>
    </message>
    <message>
        <source>Kiosk idle → &apos;Still there?&apos;</source>
        <translation>คีออสก์ไม่มีคนใช้ → &apos;ยังอยู่ไหม?&apos;</translation>
    </message>
    <message>
        <source>&apos;Still there?&apos; shows for</source>
        <translation>แสดง &apos;ยังอยู่ไหม?&apos; นาน</translation>
    </message>
    <message>
        <source>Result screen stays for</source>
        <translation>หน้าผลลัพธ์แสดงนาน</translation>
    </message>
    <message>
        <source>Staff auto-logout after</source>
        <translation>ออกจากระบบพนักงานอัตโนมัติหลัง</translation>
    </message>
    <message>
        <source>Cash is paid at the counter (staff mark it received)</source>
        <translation>ชำระเงินสดที่เคาน์เตอร์ (พนักงานกดรับเงิน)</translation>
    </message>
    <message>
        <source>PromptPay customer time limit</source>
        <translation>เวลาให้ลูกค้าชำระพร้อมเพย์</translation>
    </message>
    <message>
        <source>Test gateway (mock)</source>
        <translation>ระบบชำระเงินทดสอบ (จำลอง)</translation>
    </message>
    <message>
        <source>PromptPay failure rate</source>
        <translation>อัตราพร้อมเพย์ไม่สำเร็จ</translation>
    </message>
    <message>
        <source>PromptPay confirmation delay</source>
        <translation>เวลารอยืนยันพร้อมเพย์</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> แต้ม</translation>
    </message>
    <message>
        <source>No QR until the PromptPay ID is valid.</source>
        <translation>จะแสดง QR เมื่อหมายเลขพร้อมเพย์ถูกต้อง</translation>
    </message>
    <message>
        <source>{shown} is the example number, not the shop&apos;s: the kiosk hides PromptPay until the shop&apos;s own PromptPay ID is set.</source>
        <translation>{shown} เป็นหมายเลขตัวอย่าง ไม่ใช่ของร้าน: ตู้จะซ่อนพร้อมเพย์จนกว่าจะตั้งหมายเลขพร้อมเพย์ของร้านเอง</translation>
    </message>
    <message>
        <source>mobile number</source>
        <translation>เบอร์มือถือ</translation>
    </message>
    <message>
        <source>national / tax ID</source>
        <translation>เลขประจำตัวประชาชน / ผู้เสียภาษี</translation>
    </message>
    <message>
        <source>e-wallet ID</source>
        <translation>หมายเลขอีวอลเล็ต</translation>
    </message>
    <message>
        <source>Customers pay this {kind}: {shown}</source>
        <translation>ลูกค้าชำระเงินเข้า{kind}นี้: {shown}</translation>
    </message>
    <message>
        <source>Scan with a banking app: it should offer to pay {target} (no amount). Do not complete the transfer.</source>
        <translation>สแกนด้วยแอปธนาคาร: แอปควรแสดงการโอนไปที่ {target} (ไม่มีจำนวนเงิน) ไม่ต้องโอนจริง</translation>
    </message>
    <message>
        <source>&apos;Earn 1 point per&apos; must be an amount such as 10.</source>
        <translation>&apos;ได้ 1 แต้มทุก&apos; ต้องเป็นจำนวนเงิน เช่น 10</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>ไม่มีอะไรเปลี่ยนแปลง</translation>
    </message>
    <message>
        <source>Saved {n} setting(s). Kiosks use them from the next order.</source>
        <translation>บันทึกการตั้งค่า {n} รายการแล้ว คีออสก์จะใช้ตั้งแต่คำสั่งซื้อถัดไป</translation>
    </message>
    <message>
        <source>PINs are stored as argon2id hashes; nobody can read them back.</source>
        <translation>รหัส PIN เก็บเป็นแฮช argon2id ไม่มีใครอ่านย้อนกลับได้</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>เปลี่ยนตำแหน่ง</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>ตั้ง PIN ใหม่…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ปลดล็อก</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>ปิดใช้งาน</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>เพิ่มพนักงาน</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <source>No one selected</source>
        <translation>ยังไม่ได้เลือกพนักงาน</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>เปิดใช้งาน</translation>
    </message>
    <message>
        <source>{name} is now {role}.</source>
        <translation>{name} เป็น{role}แล้ว</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>รหัส PIN ใหม่</translation>
    </message>
    <message>
        <source>New PIN for {name} (4 to 8 digits):</source>
        <translation>รหัส PIN ใหม่ของ {name} (ตัวเลข 4 ถึง 8 หลัก):</translation>
    </message>
    <message>
        <source>New PIN set for {name}.</source>
        <translation>ตั้งรหัส PIN ใหม่ให้ {name} แล้ว</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name} เข้าสู่ระบบได้อีกครั้งแล้ว</translation>
    </message>
    <message>
        <source>You cannot disable your own account while signed in.</source>
        <translation>ปิดใช้งานบัญชีของตัวเองขณะเข้าสู่ระบบอยู่ไม่ได้</translation>
    </message>
    <message>
        <source>{name} is disabled.</source>
        <translation>ปิดใช้งานบัญชี {name} แล้ว</translation>
    </message>
    <message>
        <source>{name} is enabled.</source>
        <translation>เปิดใช้งานบัญชี {name} แล้ว</translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation>เพิ่ม {name} แล้ว</translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation>ออกจากคีออสก์</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ล็อก</translation>
    </message>
    <message>
        <source>Sign out (also happens after a few idle minutes)</source>
        <translation>ออกจากระบบ (ระบบจะออกเองเมื่อไม่มีการใช้งานสักครู่)</translation>
    </message>
    <message>
        <source>Audit &amp; export</source>
        <translation>บันทึกและส่งออก</translation>
    </message>
    <message>
        <source>OrderUp admin — {store}</source>
        <translation>OrderUp ผู้ดูแล — {store}</translation>
    </message>
    <message>
        <source>Signed in as {name} · {role}</source>
        <translation>เข้าสู่ระบบโดย {name} · {role}</translation>
    </message>
    <message>
        <source>Exit kiosk mode</source>
        <translation>ออกจากโหมดคีออสก์</translation>
    </message>
    <message>
        <source>Close the kiosk and return to the desktop? Customers cannot order until it is started again.</source>
        <translation>ปิดคีออสก์และกลับสู่เดสก์ท็อปใช่ไหม? ลูกค้าจะสั่งอาหารไม่ได้จนกว่าจะเปิดใหม่</translation>
    </message>
    <message>
        <source>OrderUp admin</source>
        <translation>ระบบจัดการ OrderUp</translation>
    </message>
    <message>
        <source>The disk holding the database is full; nothing was saved. Free some space.</source>
        <translation>ดิสก์ที่เก็บฐานข้อมูลเต็ม ยังไม่ได้บันทึกอะไร โปรดเพิ่มพื้นที่ว่าง</translation>
    </message>
    <message>
        <source>The database is read-only; nothing was saved. Make it writable.</source>
        <translation>ฐานข้อมูลเป็นแบบอ่านอย่างเดียว ยังไม่ได้บันทึกอะไร โปรดตั้งให้เขียนได้</translation>
    </message>
    <message>
        <source>The database file is damaged or was replaced; nothing was saved. Put the right file back from a backup.</source>
        <translation>ไฟล์ฐานข้อมูลเสียหายหรือถูกแทนที่ ยังไม่ได้บันทึกอะไร โปรดนำไฟล์ที่ถูกต้องกลับมาจากไฟล์สำรอง</translation>
    </message>
    <message>
        <source>The database server cannot be reached; nothing was saved.</source>
        <translation>ติดต่อเซิร์ฟเวอร์ฐานข้อมูลไม่ได้ ยังไม่ได้บันทึกอะไร</translation>
    </message>
    <message>
        <source>The database&apos;s disk cannot be used; nothing was saved. Check the disk.</source>
        <translation>ใช้งานดิสก์ของฐานข้อมูลไม่ได้ ยังไม่ได้บันทึกอะไร โปรดตรวจสอบดิสก์</translation>
    </message>
    <message>
        <source>The database is busy; nothing was saved. Try again.</source>
        <translation>ฐานข้อมูลไม่ว่าง ยังไม่ได้บันทึกอะไร ลองอีกครั้ง</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved.</source>
        <translation>เกิดข้อผิดพลาด ยังไม่ได้บันทึกอะไร</translation>
    </message>
    <message>
        <source>A member may ask for a copy of their data or to be forgotten (PDPA). Erasing empties their name, phone, e-mail and other personal details for good; their orders and points stay for the accounts.</source>
        <translation>สมาชิกขอสำเนาข้อมูลของตนหรือขอให้ลบข้อมูลได้ (PDPA) การลบจะล้างชื่อ เบอร์โทร อีเมล และข้อมูลส่วนบุคคลอื่นอย่างถาวร ส่วนคำสั่งซื้อและแต้มยังเก็บไว้เพื่อการบัญชี</translation>
    </message>
    <message>
        <source>Export member data (JSON)…</source>
        <translation>ส่งออกข้อมูลสมาชิก (JSON)…</translation>
    </message>
    <message>
        <source>Erase member…</source>
        <translation>ลบข้อมูลสมาชิก…</translation>
    </message>
    <message>
        <source>Only a manager or the owner can export or erase a member.</source>
        <translation>เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่ส่งออกหรือลบข้อมูลสมาชิกได้</translation>
    </message>
    <message>
        <source>This member&apos;s personal data was erased.</source>
        <translation>ข้อมูลส่วนบุคคลของสมาชิกนี้ถูกลบแล้ว</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <source>Marketing consent: {channels}</source>
        <translation>ความยินยอมรับข่าวสารการตลาด: {channels}</translation>
    </message>
    <message>
        <source>Marketing consent: none</source>
        <translation>ความยินยอมรับข่าวสารการตลาด: ไม่มี</translation>
    </message>
    <message>
        <source>decided {when} under privacy policy {version}</source>
        <translation>ตัดสินใจเมื่อ {when} ตามนโยบายความเป็นส่วนตัวฉบับ {version}</translation>
    </message>
    <message>
        <source>Export member data</source>
        <translation>ส่งออกข้อมูลสมาชิก</translation>
    </message>
    <message>
        <source>Saved {name}. It holds personal data: hand it only to the member.</source>
        <translation>บันทึก {name} แล้ว ไฟล์นี้มีข้อมูลส่วนบุคคล ส่งให้เฉพาะสมาชิกเจ้าของข้อมูลเท่านั้น</translation>
    </message>
    <message>
        <source>Erase member</source>
        <translation>ลบข้อมูลสมาชิก</translation>
    </message>
    <message>
        <source>Why? (e.g. &apos;asked in person&apos;; do not write the member&apos;s name)</source>
        <translation>เหตุผล (เช่น &apos;ขอด้วยตนเอง&apos; ห้ามเขียนชื่อสมาชิก)</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>ต้องระบุเหตุผล</translation>
    </message>
    <message>
        <source>Erase this member&apos;s personal data for good? Their orders and points stay for the accounts. This cannot be undone.</source>
        <translation>ลบข้อมูลส่วนบุคคลของสมาชิกนี้อย่างถาวรใช่ไหม? คำสั่งซื้อและแต้มยังเก็บไว้เพื่อการบัญชี ย้อนกลับไม่ได้</translation>
    </message>
    <message>
        <source>The member&apos;s personal data was erased.</source>
        <translation>ลบข้อมูลส่วนบุคคลของสมาชิกแล้ว</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>ไม่ถาม</translation>
    </message>
    <message>
        <source>Table number</source>
        <translation>หมายเลขโต๊ะ</translation>
    </message>
    <message>
        <source>Pager number</source>
        <translation>หมายเลขเพจเจอร์</translation>
    </message>
    <message>
        <source>The number must be given (no Skip)</source>
        <translation>ต้องกรอกหมายเลข (ไม่มีปุ่มข้าม)</translation>
    </message>
    <message>
        <source>Dine-in asks for</source>
        <translation>ทานที่ร้าน: ถามหา</translation>
    </message>
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
        <translation>สัตว์น้ำมีเปลือก</translation>
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
        <source>upsell</source>
        <translation>แนะนำขายเพิ่ม</translation>
    </message>
    <message>
        <source>Suggest with orders (upsell)</source>
        <translation>แนะนำพร้อมออเดอร์ (ขายเพิ่ม)</translation>
    </message>
    <message>
        <source>Spice level</source>
        <translation>ระดับความเผ็ด</translation>
    </message>
    <message>
        <source>Allergens</source>
        <translation>สารก่อภูมิแพ้</translation>
    </message>
    <message>
        <source>Kiosks show up to three ticked dishes in the cart after the first dish: &apos;Add a drink?&apos;, one tap to add, shown once per order.</source>
        <translation>ตู้สั่งอาหารจะแสดงเมนูที่ติ๊กไว้ไม่เกินสามรายการในตะกร้า หลังลูกค้าเลือกเมนูแรก: &apos;รับเครื่องดื่มเพิ่มไหม?&apos; แตะครั้งเดียวเพื่อเพิ่ม แสดงครั้งเดียวต่อออเดอร์</translation>
    </message>
    <message>
        <source>Spice, allergens</source>
        <translation>ความเผ็ด สารก่อภูมิแพ้</translation>
    </message>
</context>
</TS>
