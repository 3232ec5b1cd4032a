<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in, sign-out, staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order status, reprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments received, refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points adjustments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu, options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members (joined in the range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel shows Thai correctly); times in the store&apos;s time zone; both dates included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting… {n} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log &amp; export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every staff action, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments by method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitchen queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best sellers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per paid order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earned, net of refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spent as discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by hour (THB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · busiest {hour:02d}:00, {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated {time} · updates live as orders are paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
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
        <source>Dine in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
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
    <message>
        <source>Earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OrderUp Kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the owner account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no staff accounts yet. The owner can add managers and cashiers after signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OrderUp staff sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no staff accounts yet. Create the owner with: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy (PDPA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agrees to SMS marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agrees to e-mail marketing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent is opt-in (PDPA): tick only when the member asked for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. &apos;Missed points for order A042&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points (+ add, − remove)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can adjust points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by phone in any format (081-234-5678) or by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} points to {tier}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joined {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spent {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last visit {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tier} · lifetime {n} · {next}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first name cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number of points other than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {points} points, new balance {balance}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone (any format) or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} found by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} with a phone starting like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} with a name starting like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size, spice level, extras: what customers choose when they tap the dish. Orders already placed keep the options they were sold with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a group or an option above to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thai name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers choose at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0, 20 or -10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available (untick when sold out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price change (THB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option of {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New option in {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers must choose exactly {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: customers may choose up to {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers choose {lo} to {hi}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lo} to {hi}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers cannot order this dish until this group has {n} available options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick &apos;Available&apos; off when a dish runs out; kiosks update at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price (THB, VAT incl.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description (TH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description (EN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price must be a number such as 120 or 120.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both names are needed (Thai and English).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group added. Now add its options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {group} and its {n} options? Orders already placed keep them on their receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price change must be a number such as 20, -10 or 15.50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {option} from {group}? Orders already placed keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can change settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the owner can change the PromptPay ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can manage staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an owner can manage owner accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can edit the menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can see the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can export data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can leave kiosk mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can export a member&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can erase a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for erasing the member, e.g. &apos;asked by e-mail&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member&apos;s personal data was already erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member&apos;s personal data was erased; it cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff account is disabled. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong name or PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff name can have at most 64 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last owner cannot be demoted or disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That staff account does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the English name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Thai name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name can have at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many to choose must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers must be able to choose at least one option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers can choose at most 20 options of a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum cannot be below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The minimum cannot be more than the maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a first name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That name is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That member does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date must look like 1990-04-13.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another member already has that phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No member has that phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is required to adjust points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number of points other than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is required for a refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment was refunded already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cash or PromptPay can be marked as received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PromptPay ID is made of digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A national ID or tax ID has 13 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An e-wallet ID has 15 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Thai mobile number starts with 06, 08 or 09. Please check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PromptPay ID may contain only digits, spaces and dashes (and a + before a country code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Thai mobile number has 9 digits after +66 (for example +66 81 234 5678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Thai mobile numbers (+66) can receive PromptPay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This national ID or tax ID is not valid: its check digit does not match. Please check the number for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like a landline number. PromptPay needs a mobile number (10 digits, for example 081-234-5678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts must be given as Decimal, int or text, never float.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount of money must be a finite number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. {name} is locked for {duration}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. {name} is locked for {duration} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before a lock-out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. {n} tries left before a lock-out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method} · at counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff no. (kiosk pad)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete (picked up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to kitchen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint kitchen ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full tax invoice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an order on the left to see its lines and payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member {name} {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points discount ({points} pts) −{amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incl. VAT {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points earned {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitchen ticket printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitchen ticket waiting: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitchen ticket queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: new and paid orders appear by themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number (A042) or member phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printers: all printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printers: {n} waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order {number}? Redeemed points go back to the member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method} of {amount} received for order {number}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund order {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund {amount}. Reason (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded {amount} for order {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy marked REPRINT is queued for the kitchen printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full tax invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer&apos;s name (company or person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer&apos;s 13-digit tax ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch (00000 = head office)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(issued before: this is a copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax invoice {number} saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the database: every kiosk of the store uses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile 08x-xxx-xxxx, tax ID or e-wallet ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store name (Thai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT included in prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test QR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> points = ฿1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earn 1 point per (THB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points expire after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier thresholds (lifetime points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk idle → &apos;Still there?&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Still there?&apos; shows for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result screen stays for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff auto-logout after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash is paid at the counter (staff mark it received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay customer time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test gateway (mock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay failure rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromptPay confirmation delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QR until the PromptPay ID is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} is the example number, not the shop&apos;s: the kiosk hides PromptPay until the shop&apos;s own PromptPay ID is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>national / tax ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-wallet ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers pay this {kind}: {shown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan with a banking app: it should offer to pay {target} (no amount). Do not complete the transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;Earn 1 point per&apos; must be an amount such as 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {n} setting(s). Kiosks use them from the next order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PINs are stored as argon2id hashes; nobody can read them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is now {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN for {name} (4 to 8 digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN set for {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot disable your own account while signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out (also happens after a few idle minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit &amp; export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OrderUp admin — {store}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name} · {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the kiosk and return to the desktop? Customers cannot order until it is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OrderUp admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding the database is full; nothing was saved. Free some space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is read-only; nothing was saved. Make it writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged or was replaced; nothing was saved. Put the right file back from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server cannot be reached; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database&apos;s disk cannot be used; nothing was saved. Check the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy; nothing was saved. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member may ask for a copy of their data or to be forgotten (PDPA). Erasing empties their name, phone, e-mail and other personal details for good; their orders and points stay for the accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export member data (JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or the owner can export or erase a member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member&apos;s personal data was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent: {channels}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing consent: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided {when} under privacy policy {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export member data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {name}. It holds personal data: hand it only to the member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? (e.g. &apos;asked in person&apos;; do not write the member&apos;s name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase this member&apos;s personal data for good? Their orders and points stay for the accounts. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The member&apos;s personal data was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pager number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number must be given (no Skip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dine-in asks for</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>upsell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest with orders (upsell)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spice level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosks show up to three ticked dishes in the cart after the first dish: &apos;Add a drink?&apos;, one tap to add, shown once per order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spice, allergens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
