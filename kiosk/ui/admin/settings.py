"""Settings an owner or manager changes without touching the config file: store name,
PromptPay merchant ID (validated live, with a test QR to scan), points and redemption
rates, tiers, expiry, time-outs and the mock payment behaviour. Saved for every kiosk."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from kiosk.config import Settings
from kiosk.services.errors import InvalidInput
from kiosk.services.payments import EXAMPLE_PROMPTPAY_ID
from kiosk.services.promptpay import build_payload, describe_target, normalize_target
from kiosk.services.staff import Permission
from kiosk.ui.admin.context import AdminContext, friendly, problem
from kiosk.ui.admin.format import tier_label, tr
from kiosk.ui.admin.page import AdminPage
from kiosk.ui.admin.theme import set_role
from kiosk.ui.admin.widgets import MessageLabel, Source, label
from kiosk.ui.widgets.qr_view import QRView


def _spin(lo: int, hi: int, name: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(lo, hi)
    box.setMinimumWidth(150)
    if name:
        box.setObjectName(name)
    return box


def _percent(name: str, decimals: int) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(0, 100)
    box.setDecimals(decimals)
    box.setMinimumWidth(150)
    box.setSuffix(" %")
    return box


def _form(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setSpacing(8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return form


class SettingsScreen(AdminPage):
    TITLE = QT_TR_NOOP("Settings")
    SUBTITLE = QT_TR_NOOP("Saved in the database: every kiosk of the store uses them.")

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tier_boxes: dict[str, QSpinBox] = {}
        self.tier_labels: dict[str, QLabel] = {}
        t, page = self.texts, self.page
        self.revert = t.button(lambda: tr("Revert"), name="RevertSettings")
        self.revert.clicked.connect(self.reload)
        self.save = t.button(lambda: tr("Save settings"), "primary", "SaveSettings")
        self.save.clicked.connect(self._on_save_clicked)
        self.header.tools.addWidget(self.revert)
        self.header.tools.addWidget(self.save)
        self.message = MessageLabel("SettingsMessage")
        page.addWidget(self.message)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        inner.setObjectName("ScrollInner")
        scroll.setWidget(inner)
        page.addWidget(scroll, 1)
        self.grid = QGridLayout(inner)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setSpacing(14)
        self.groups = [
            self._store_group(),
            self._loyalty_group(),
            self._timeouts_group(),
            self._payments_group(),
        ]
        self._columns = 0
        self._place_groups(2)
        self.reload()

    def _place_groups(self, columns: int) -> None:
        """Two columns on a wide screen, one on a narrow (portrait) one."""
        if columns == self._columns:
            return
        self._columns = columns
        store, loyalty, timeouts, payments = self.groups
        for group in self.groups:
            self.grid.removeWidget(group)
        if columns == 2:
            self.grid.addWidget(store, 0, 0, 2, 1)
            self.grid.addWidget(loyalty, 0, 1)
            self.grid.addWidget(timeouts, 1, 1)
            self.grid.addWidget(payments, 2, 0, 1, 2)
            self.grid.setColumnStretch(1, 1)
        else:
            for row, group in enumerate(self.groups):
                self.grid.addWidget(group, row, 0)
            self.grid.setColumnStretch(1, 0)
        self.grid.setColumnStretch(0, 1)
        self.grid.setRowStretch(4, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_groups(2 if event.size().width() >= 1000 else 1)
        super().resizeEvent(event)

    # -- groups --------------------------------------------------------------------------------
    def _group(self, title: Source) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox()
        self.texts.bind(group.setTitle, title)
        return group, _form(group)

    def _row(self, form: QFormLayout, title: Source, field: QWidget | Any) -> None:
        form.addRow(self.texts.label(title), field)

    def _suffix(self, box: QSpinBox | QDoubleSpinBox, suffix: Source) -> None:
        self.texts.bind(box.setSuffix, suffix)

    def _store_group(self) -> QGroupBox:
        group, form = self._group(lambda: tr("Store"))
        self.store_name = QLineEdit()
        self.store_name.setMinimumWidth(320)
        self.store_name.setObjectName("StoreNameEdit")
        self.store_name_th = QLineEdit()
        self.store_name_th.setMinimumWidth(320)
        self.store_name_th.setObjectName("StoreNameThEdit")
        self.vat = _percent("VatRate", decimals=2)
        self.promptpay = QLineEdit()
        self.promptpay.setMinimumWidth(320)
        self.promptpay.setObjectName("PromptPayId")
        self.texts.bind(
            self.promptpay.setPlaceholderText,
            lambda: tr("Mobile 08x-xxx-xxxx, tax ID or e-wallet ID"),
        )
        self.promptpay.textChanged.connect(self._on_promptpay_text_changed)
        self.promptpay_state = label("", "muted", "PromptPayState")
        self.promptpay_state.setWordWrap(True)
        self._row(form, lambda: tr("Store name (English)"), self.store_name)
        self._row(form, lambda: tr("Store name (Thai)"), self.store_name_th)
        self._row(form, lambda: tr("VAT included in prices"), self.vat)
        self._row(form, lambda: tr("PromptPay ID"), self.promptpay)
        form.addRow("", self.promptpay_state)
        qr_row = QHBoxLayout()
        self.qr = QRView("SettingsQr")
        self.qr.setFixedSize(220, 220)
        qr_row.addWidget(self.qr)
        self.qr_caption = label("", "muted", "QrCaption")
        self.qr_caption.setWordWrap(True)
        qr_row.addWidget(self.qr_caption, 1)
        self._row(form, lambda: tr("Test QR"), qr_row)
        if not self.ctx.can(Permission.SETTINGS_PROMPTPAY):
            self.promptpay.setReadOnly(True)
            self.texts.bind(
                self.promptpay.setToolTip, lambda: tr("Only the owner can change the PromptPay ID.")
            )
        return group

    def _loyalty_group(self) -> QGroupBox:
        group, form = self._group(lambda: tr("Loyalty points"))
        self.baht_per_point = QLineEdit()
        self.baht_per_point.setMinimumWidth(150)
        self.baht_per_point.setObjectName("BahtPerPoint")
        self.baht_per_point.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9]{1,5}(\.[0-9]{0,2})?"))
        )
        self.points_per_baht = _spin(1, 10_000, "PointsPerBaht")
        self._suffix(self.points_per_baht, lambda: tr(" points = ฿1"))
        self.expiry = _spin(1, 120, "ExpiryMonths")
        self._suffix(self.expiry, lambda: tr(" months"))
        self._row(form, lambda: tr("Earn 1 point per (THB)"), self.baht_per_point)
        self._row(form, lambda: tr("Redeem"), self.points_per_baht)
        self._row(form, lambda: tr("Points expire after"), self.expiry)
        self.tiers_form = QFormLayout()
        self.tiers_form.setSpacing(6)
        self.tiers_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.texts.label(lambda: tr("Tier thresholds (lifetime points)"), "muted"))
        form.addRow(self.tiers_form)
        return group

    def _timeouts_group(self) -> QGroupBox:
        group, form = self._group(lambda: tr("Time-outs"))
        self.idle = _spin(5, 3600, "IdleTimeout")
        self.idle_warning = _spin(3, 120, "IdleWarning")
        self.result_timeout = _spin(5, 600, "ResultTimeout")
        self.auto_logout = _spin(1, 240, "AutoLogout")
        for box in (self.idle, self.idle_warning, self.result_timeout):
            self._suffix(box, lambda: tr(" s"))
        self._suffix(self.auto_logout, lambda: tr(" min"))
        self._row(form, lambda: tr("Kiosk idle → 'Still there?'"), self.idle)
        self._row(form, lambda: tr("'Still there?' shows for"), self.idle_warning)
        self._row(form, lambda: tr("Result screen stays for"), self.result_timeout)
        self._row(form, lambda: tr("Staff auto-logout after"), self.auto_logout)
        self.table_kind = QComboBox()
        self.table_kind.setObjectName("TableNumbers")
        for i, (value, text) in enumerate(
            (
                ("none", lambda: tr("Not asked")),
                ("table", lambda: tr("Table number")),
                ("pager", lambda: tr("Pager number")),
            )
        ):
            self.table_kind.addItem("", value)
            self.texts.bind(lambda t, i=i: self.table_kind.setItemText(i, t), text)
        self.table_required = QCheckBox()
        self.table_required.setObjectName("TableNumberRequired")
        self.texts.bind(
            self.table_required.setText, lambda: tr("The number must be given (no Skip)")
        )
        self._row(form, lambda: tr("Dine-in asks for"), self.table_kind)
        form.addRow("", self.table_required)
        return group

    def _payments_group(self) -> QGroupBox:
        group, form = self._group(lambda: tr("Payments"))
        self.failure_rate = _percent("FailureRate", decimals=1)
        self.pp_delay = QDoubleSpinBox()
        self.pp_delay.setObjectName("PromptPayDelay")
        self.pp_delay.setRange(0, 600)
        self.pp_delay.setMinimumWidth(150)
        self._suffix(self.pp_delay, lambda: tr(" s"))
        self.pp_timeout = _spin(10, 1800, "PromptPayTimeout")
        self._suffix(self.pp_timeout, lambda: tr(" s"))
        self.pay_at_counter = QCheckBox()
        self.texts.bind(
            self.pay_at_counter.setText,
            lambda: tr("Cash is paid at the counter (staff mark it received)"),
        )
        self.pay_at_counter.setObjectName("PayAtCounter")
        self._row(form, lambda: tr("PromptPay customer time limit"), self.pp_timeout)
        form.addRow("", self.pay_at_counter)
        form.addRow(self.texts.label(lambda: tr("Test gateway (mock)"), "muted"))
        self._row(form, lambda: tr("PromptPay failure rate"), self.failure_rate)
        self._row(form, lambda: tr("PromptPay confirmation delay"), self.pp_delay)
        return group

    # -- values --------------------------------------------------------------------------------
    def reload(self) -> None:
        s = self.ctx.settings()
        self.store_name.setText(s.store.name)
        self.store_name_th.setText(s.store.name_th)
        self.vat.setValue(float(s.store.vat_rate))
        self.promptpay.setText(s.store.promptpay_id)
        self.baht_per_point.setText(f"{s.loyalty.baht_per_point.normalize():f}")
        self.points_per_baht.setValue(s.loyalty.redeem_points_per_baht)
        self.expiry.setValue(s.loyalty.expiry_months)
        while self.tiers_form.rowCount():
            self.tiers_form.removeRow(0)
        self.tier_boxes = {}
        self.tier_labels = {}
        for name, threshold in s.loyalty.tiers.items():
            box = _spin(0, 10_000_000, f"Tier_{name}")
            box.setValue(threshold)
            self.tier_boxes[name] = box
            self.tier_labels[name] = label()
            self.tiers_form.addRow(self.tier_labels[name], box)
        self._retranslate_tiers()
        self.idle.setValue(s.kiosk.idle_timeout_seconds)
        self.idle_warning.setValue(s.kiosk.idle_warning_seconds)
        self.result_timeout.setValue(s.kiosk.result_timeout_seconds)
        self.table_kind.setCurrentIndex(max(0, self.table_kind.findData(s.kiosk.table_numbers)))
        self.table_required.setChecked(s.kiosk.table_number_required)
        self.auto_logout.setValue(s.admin.auto_logout_minutes)
        self.failure_rate.setValue(s.payments.promptpay_failure_rate * 100)
        self.pp_delay.setValue(s.payments.promptpay_delay_seconds)
        self.pp_timeout.setValue(s.payments.promptpay_timeout_seconds)
        self.pay_at_counter.setChecked(s.payments.pay_at_counter)
        self.message.clear_message()
        self._on_promptpay_text_changed(self.promptpay.text())

    def _retranslate_tiers(self) -> None:
        for name, box in self.tier_boxes.items():
            box.setSuffix(tr(" pts"))
            self.tier_labels[name].setText(tier_label(name))

    def retranslate_ui(self) -> None:
        """New language, same edits: nothing typed is lost."""
        super().retranslate_ui()
        self._retranslate_tiers()
        self.message.retranslate()
        self._on_promptpay_text_changed(self.promptpay.text())

    def _on_promptpay_text_changed(self, text: str) -> None:
        try:
            target = normalize_target(text)
        except InvalidInput as exc:
            self.promptpay_state.setText(friendly(exc))
            set_role(self.promptpay_state, "role", "error")
            set_role(self.promptpay, "invalid", "true")
            self.qr.set_payload("")
            self.qr_caption.setText(tr("No QR until the PromptPay ID is valid."))
            return
        if normalize_target(EXAMPLE_PROMPTPAY_ID) == target:
            # the sample configuration's number: a QR for it pays whoever owns it
            self.promptpay_state.setText(
                tr(
                    "{shown} is the example number, not the shop's: the kiosk hides PromptPay "
                    "until the shop's own PromptPay ID is set."
                ).format(shown=target.display)
            )
            set_role(self.promptpay_state, "role", "error")
            set_role(self.promptpay, "invalid", "true")
            self.qr.set_payload("")
            self.qr_caption.setText(tr("No QR until the PromptPay ID is valid."))
            return
        set_role(self.promptpay, "invalid", "false")
        set_role(self.promptpay_state, "role", "ok")
        kinds = {
            "mobile": tr("mobile number"),
            "national_id": tr("national / tax ID"),
            "ewallet": tr("e-wallet ID"),
        }
        # the type and a masked value: enough to recognise the shop's own ID at a glance
        # without showing it whole to whoever stands behind the screen
        masked = describe_target(target, masked=True).split(" ")[-1]
        self.promptpay_state.setText(
            tr("Customers pay this {kind}: {shown}").format(
                kind=kinds.get(target.kind, target.kind), shown=masked
            )
        )
        payload = build_payload(target)
        self.qr.set_payload(payload)
        self.qr_caption.setText(
            tr(
                "Scan with a banking app: it should offer to pay {target} (no amount). "
                "Do not complete the transfer."
            ).format(target=target.display)
        )

    def changes(self) -> dict[str, Any]:
        """The edited values that differ from the current settings."""
        s: Settings = self.ctx.settings()
        try:
            baht = Decimal(self.baht_per_point.text())
        except InvalidOperation:
            raise InvalidInput(
                QT_TR_NOOP("'Earn 1 point per' must be an amount such as 10.")
            ) from None
        wanted: dict[str, Any] = {
            "store.name": self.store_name.text().strip(),
            "store.name_th": self.store_name_th.text().strip(),
            "store.vat_rate": Decimal(str(round(self.vat.value(), 2))),
            "store.promptpay_id": self.promptpay.text().strip(),
            "loyalty.baht_per_point": baht,
            "loyalty.redeem_points_per_baht": self.points_per_baht.value(),
            "loyalty.expiry_months": self.expiry.value(),
            "kiosk.idle_timeout_seconds": self.idle.value(),
            "kiosk.idle_warning_seconds": self.idle_warning.value(),
            "kiosk.result_timeout_seconds": self.result_timeout.value(),
            "kiosk.table_numbers": self.table_kind.currentData(),
            "kiosk.table_number_required": self.table_required.isChecked(),
            "admin.auto_logout_minutes": self.auto_logout.value(),
            "payments.promptpay_failure_rate": round(self.failure_rate.value() / 100, 4),
            "payments.promptpay_delay_seconds": round(self.pp_delay.value(), 2),
            "payments.promptpay_timeout_seconds": self.pp_timeout.value(),
            "payments.pay_at_counter": self.pay_at_counter.isChecked(),
        }
        out: dict[str, Any] = {}
        for key, value in wanted.items():
            section, name = key.split(".", 1)
            if getattr(getattr(s, section), name) != value:
                out[key] = value
        tiers = {name: box.value() for name, box in self.tier_boxes.items()}
        if tiers != dict(s.loyalty.tiers):
            out["loyalty.tiers"] = tiers
        return out

    def _show(self, text: Source, ok: bool = False) -> None:
        self.message.show_message(text, ok)

    def _on_save_clicked(self) -> None:
        try:
            changes = self.changes()
            if not changes:
                self._show(lambda: tr("Nothing changed."), ok=True)
                return
            self.ctx.actions.update_settings(self.ctx.staff, changes)
        except Exception as exc:
            self._show(problem(exc, "save settings"))
            return
        self.reload()
        self._show(
            lambda: tr("Saved {n} setting(s). Kiosks use them from the next order.").format(
                n=len(changes)
            ),
            ok=True,
        )
