"""Members: search by phone (any format) or name, a profile with marketing consent, the
points balance with a reason-required adjustment, and the full transaction history."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QModelIndex
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.listings import LoyaltyListing, MemberListing
from kiosk.services.phone import format_national
from kiosk.services.staff import Permission
from kiosk.services.views import MemberView
from kiosk.ui.admin.columns import loyalty_columns, member_columns
from kiosk.ui.admin.context import AdminContext, problem
from kiosk.ui.admin.format import local_dt, money, tier_label, tr
from kiosk.ui.admin.page import AdminPage
from kiosk.ui.admin.privacy import PrivacyPanel
from kiosk.ui.admin.table_model import ROW_ID_ROLE, PagedTableModel
from kiosk.ui.admin.tables import configure_table, fit_columns, select_row_id
from kiosk.ui.admin.widgets import (
    Card,
    ListDetailSplitter,
    MessageLabel,
    Source,
    Texts,
    label,
    line_edit,
)


class MemberDetail(Card):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member: MemberView | None = None
        self.texts = Texts()
        self.setObjectName("MemberDetail")
        self.setMinimumWidth(440)
        self.title = label("", "title", "MemberName")
        self.body.addWidget(self.title)
        self.summary = label("", "muted", "MemberSummary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        stats = QHBoxLayout()
        self.points = label("", "kpi_value", "MemberPoints")
        self.tier = label("", "subtitle", "MemberTier")
        stats.addWidget(self.points)
        stats.addStretch(1)
        stats.addWidget(self.tier)
        self.body.addLayout(stats)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("MemberTabs")
        self.body.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_history(), "")
        self.tabs.addTab(self._build_profile(), "")
        self.tabs.addTab(self._build_adjust(), "")
        self.privacy = PrivacyPanel(ctx)
        self.privacy.member_erased.connect(self.show_member)
        self.tabs.addTab(self.privacy, "")
        for i, title in enumerate(
            (
                lambda: tr("History"),
                lambda: tr("Profile"),
                lambda: tr("Adjust points"),
                lambda: tr("Privacy (PDPA)"),
            )
        ):
            self.texts.bind(lambda text, i=i: self.tabs.setTabText(i, text), title)
        self.show_member(None)

    def _build_history(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(8, 8, 8, 8)
        self.history = QTableView()
        self.history.setObjectName("HistoryTable")
        self.history_model: PagedTableModel | None = None
        box.addWidget(self.history)
        return page

    @staticmethod
    def _form_page() -> tuple[QWidget, QFormLayout]:
        """A tab's page holding a form."""
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(12, 12, 12, 12)
        form.setSpacing(8)
        return page, form

    def _build_profile(self) -> QWidget:
        page, form = self._form_page()
        self.first_name = line_edit("EditFirstName")
        self.last_name = line_edit("EditLastName")
        self.phone = line_edit("EditPhone")
        self.email = line_edit("EditEmail")
        t = self.texts
        self.sms = t.check(lambda: tr("Agrees to SMS marketing"), "EditSms")
        self.mail = t.check(lambda: tr("Agrees to e-mail marketing"), "EditEmailMarketing")
        form.addRow(t.label(lambda: tr("First name")), self.first_name)
        form.addRow(t.label(lambda: tr("Last name")), self.last_name)
        form.addRow(t.label(lambda: tr("Phone")), self.phone)
        form.addRow(t.label(lambda: tr("E-mail")), self.email)
        form.addRow("", self.sms)
        form.addRow("", self.mail)
        note = t.label(
            lambda: tr("Consent is opt-in (PDPA): tick only when the member asked for it."),
            "muted",
        )
        note.setWordWrap(True)
        form.addRow("", note)
        self.profile_message = MessageLabel("ProfileMessage")
        form.addRow("", self.profile_message)
        self.save = t.button(lambda: tr("Save profile"), "primary", "SaveProfile")
        self.save.clicked.connect(self._on_save_clicked)
        form.addRow("", self.save)
        return page

    def _build_adjust(self) -> QWidget:
        page, form = self._form_page()
        self.adjust_points = QSpinBox()
        self.adjust_points.setObjectName("AdjustPoints")
        self.adjust_points.setRange(-1_000_000, 1_000_000)
        self.adjust_points.setSingleStep(10)
        self.adjust_reason = line_edit("AdjustReason")
        t = self.texts
        t.bind(
            self.adjust_reason.setPlaceholderText,
            lambda: tr("Required, e.g. 'Missed points for order A042'"),
        )
        form.addRow(t.label(lambda: tr("Points (+ add, − remove)")), self.adjust_points)
        form.addRow(t.label(lambda: tr("Reason")), self.adjust_reason)
        self.adjust_message = MessageLabel("AdjustMessage")
        form.addRow("", self.adjust_message)
        self.apply_adjust = t.button(lambda: tr("Apply adjustment"), "primary", "ApplyAdjustment")
        self.apply_adjust.clicked.connect(self._on_apply_adjust_clicked)
        form.addRow("", self.apply_adjust)
        allowed = self.ctx.can(Permission.POINTS_ADJUST)
        for w in (self.adjust_points, self.adjust_reason, self.apply_adjust):
            w.setEnabled(allowed)
        if not allowed:
            self.adjust_message.show_message(
                lambda: tr("Only a manager or the owner can adjust points.")
            )
        return page

    def retranslate_ui(self) -> None:
        self.texts.retranslate()
        self.profile_message.retranslate()
        self.adjust_message.retranslate()
        self.privacy.retranslate_ui()
        self.show_member(self.member)

    def show_member(self, member: MemberView | None) -> None:
        same = member is not None and self.member is not None and self.member.id == member.id
        self.member = member
        self.privacy.show_member(member)
        enabled = member is not None
        self.tabs.setEnabled(enabled)
        if member is None:
            self.title.setText(tr("No member selected"))
            self.summary.setText(tr("Search by phone in any format (081-234-5678) or by name."))
            self.points.setText("")
            self.tier.setText("")
            self.history.setModel(None)
            self.history_model = None
            return
        region = self.ctx.settings().store.phone_region
        phone = "" if member.erased else format_national(member.phone, region)
        self.title.setText(member.full_name or tr("(no name)"))
        to_next = (
            tr("{n} points to {tier}").format(
                n=member.points_to_next_tier, tier=tier_label(member.next_tier)
            )
            if member.next_tier
            else tr("top tier")
        )
        self.summary.setText(
            " · ".join(
                [
                    phone or tr("phone erased"),
                    tr("joined {date}").format(date=local_dt(member.created_at, self.ctx.tz)[:10]),
                    tr("{n} visits").format(n=member.visits_count),
                    tr("spent {amount}").format(amount=money(member.total_spent)),
                    tr("last visit {date}").format(
                        date=local_dt(member.last_visit, self.ctx.tz)[:10] or "—"
                    ),
                ]
            )
        )
        self.points.setText(tr("{n} points").format(n=f"{member.points:,}"))
        self.tier.setText(
            tr("{tier} · lifetime {n} · {next}").format(
                tier=tier_label(member.tier), n=f"{member.lifetime_points:,}", next=to_next
            )
        )
        self.first_name.setText(member.first_name)
        self.last_name.setText(member.last_name)
        self.phone.setText(phone)
        self.email.setText(member.email)
        self.sms.setChecked(member.sms_marketing)
        self.mail.setChecked(member.email_marketing)
        if not same:  # a live update of the same member keeps what staff are typing
            self.profile_message.clear_message()
            self.adjust_points.setValue(0)
            self.adjust_reason.clear()
            if self.ctx.can(Permission.POINTS_ADJUST):
                self.adjust_message.clear_message()
        listing = LoyaltyListing(self.ctx.store.db, self.ctx.store.current_settings, member.id)
        self.history_model = PagedTableModel(
            listing, loyalty_columns(lambda: self.ctx.tz), self, page_size=50
        )
        configure_table(
            self.history, self.history_model, {0: 130, 1: 80, 2: 70, 3: 80, 4: 60, 6: 80}, stretch=5
        )

    def _message(self, target: MessageLabel, text: Source, ok: bool = False) -> None:
        target.show_message(text, ok)

    def _on_save_clicked(self) -> None:
        m = self.member
        if m is None:
            return
        region = self.ctx.settings().store.phone_region
        fields: dict[str, object] = {}
        wanted = {
            "first_name": self.first_name.text().strip(),
            "last_name": self.last_name.text().strip(),
            "email": self.email.text().strip(),
            "sms_marketing": self.sms.isChecked(),
            "email_marketing": self.mail.isChecked(),
        }
        current = {
            "first_name": m.first_name,
            "last_name": m.last_name,
            "email": m.email,
            "sms_marketing": m.sms_marketing,
            "email_marketing": m.email_marketing,
        }
        fields = {k: v for k, v in wanted.items() if v != current[k]}
        if not m.erased and self.phone.text().strip() != format_national(m.phone, region):
            fields["phone"] = self.phone.text().strip()
        if not fields:
            self._message(self.profile_message, lambda: tr("Nothing to save."), ok=True)
            return
        if "first_name" in fields and not fields["first_name"]:
            self._message(self.profile_message, lambda: tr("The first name cannot be empty."))
            return
        try:
            updated = self.ctx.actions.update_member(self.ctx.staff, m.id, **fields)
        except Exception as exc:
            self._message(self.profile_message, problem(exc, "update member"))
            return
        self.show_member(updated)
        self._message(self.profile_message, lambda: tr("Saved."), ok=True)

    def _on_apply_adjust_clicked(self) -> None:
        m = self.member
        if m is None:
            return
        points = self.adjust_points.value()
        reason = self.adjust_reason.text()
        if points == 0:
            self._message(
                self.adjust_message, lambda: tr("Enter a number of points other than zero.")
            )
            return
        try:
            self.ctx.actions.adjust_points(self.ctx.staff, m.phone, points, reason)
        except Exception as exc:
            self._message(self.adjust_message, problem(exc, "adjust points"))
            return
        updated = self.ctx.store.customers.get(m.id)
        self.show_member(updated)
        self.adjust_points.setValue(0)
        self.adjust_reason.clear()
        self.tabs.setCurrentIndex(2)
        self._message(
            self.adjust_message,
            lambda: tr("Done: {points} points, new balance {balance}.").format(
                points=f"{points:+,}", balance=f"{updated.points:,}"
            ),
            ok=True,
        )


class MembersScreen(AdminPage):
    TITLE = QT_TR_NOOP("Members")  # the subtitle counts what the search found

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        page = self.page
        self.search = QLineEdit()
        self.search.setObjectName("MemberSearch")
        self.texts.bind(self.search.setPlaceholderText, lambda: tr("Phone (any format) or name"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self.apply_search)
        self.header.tools.addWidget(self.search)

        self.split = split = ListDetailSplitter()
        self.table = QTableView()
        self.table.setObjectName("MembersTable")
        listing = MemberListing(ctx.store.db, ctx.store.current_settings)
        self.model = PagedTableModel(listing, member_columns(lambda: ctx.tz), self)
        configure_table(
            self.table,
            self.model,
            {0: 115, 1: 110, 2: 110, 3: 70, 4: 70, 5: 95, 6: 55, 7: 90, 8: 70},
            stretch=2,
        )
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        split.addWidget(self.table)
        self.detail = MemberDetail(ctx)
        split.addWidget(self.detail)
        self.detail.privacy.member_erased.connect(self._on_privacy_member_erased)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        page.addWidget(split, 1)
        self._timer = self.debounced(300, self.apply_search)
        ctx.events.points_changed.connect(self._on_events_points_changed)
        self._update_subtitle()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a portrait screen the detail goes under the table instead of beside it."""
        self.split.fit(event.size())
        super().resizeEvent(event)

    def _update_subtitle(self) -> None:
        kind = self.model.listing.search_kind  # type: ignore[attr-defined]
        n = f"{self.model.rowCount():,}"
        text = {
            "": tr("{n} members"),
            "phone": tr("{n} found by phone"),
            "phone_prefix": tr("{n} with a phone starting like this"),
            "name": tr("{n} with a name starting like this"),
        }[kind]
        self.header.subtitle.setText(text.format(n=n))

    def _on_search_text_changed(self, _text: str) -> None:
        self._timer.start()

    def apply_search(self) -> None:
        self._timer.stop()
        listing = self.model.listing.searched(self.search.text())  # type: ignore[attr-defined]
        self.model.set_listing(listing)
        self._update_subtitle()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        member_id = self.model.data(current, ROW_ID_ROLE)
        if member_id is not None:
            self.open_member(int(member_id))

    def open_member(self, member_id: int) -> None:
        member = self.ctx.attempt(
            self, tr("Member"), lambda: self.ctx.store.customers.get(member_id)
        )
        self.detail.show_member(member)

    def _on_events_points_changed(self, event: object) -> None:
        shown = self.detail.member
        if shown is not None and getattr(event, "customer_id", None) == shown.id:
            self.open_member(shown.id)
        if self.isVisible():
            self.model.refresh()
            if shown is not None:
                self.model.row(max(0, self.table.verticalScrollBar().value()))
                select_row_id(self.table, self.model, shown.id)

    def _on_privacy_member_erased(self, _member: object) -> None:
        self.reload()

    def reload(self) -> None:
        self.model.refresh()
        self._update_subtitle()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.model.retranslate(member_columns(lambda: self.ctx.tz))
        fit_columns(self.table)
        self._update_subtitle()
        self.detail.retranslate_ui()
