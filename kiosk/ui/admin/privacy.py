"""The member's PDPA tab: their marketing consent (when, which policy), and for a
manager or the owner: export the member's data as JSON, or erase the member.

The service checks the role again and writes the audit entries; this tab only hides what
the signed-in role may not do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.services.staff import Permission
from kiosk.services.views import MemberView
from kiosk.ui.admin.context import AdminContext, problem
from kiosk.ui.admin.format import local_dt, tr
from kiosk.ui.admin.widgets import MessageLabel, Texts


class PrivacyPanel(QWidget):
    member_erased = Signal(object)  # MemberView, anonymised

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("PrivacyPanel")
        self.member: MemberView | None = None
        self.texts = t = Texts()
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 12, 12, 12)
        box.setSpacing(10)
        self.consent = t.label(lambda: "", "", "PrivacyConsent")
        self.consent.setWordWrap(True)
        box.addWidget(self.consent)
        note = t.label(
            lambda: tr(
                "A member may ask for a copy of their data or to be forgotten (PDPA). "
                "Erasing empties their name, phone, e-mail and other personal details for "
                "good; their orders and points stay for the accounts."
            ),
            "muted",
        )
        note.setWordWrap(True)
        box.addWidget(note)
        self.export = t.button(lambda: tr("Export member data (JSON)…"), "", "ExportMember")
        self.export.clicked.connect(self._on_export_clicked)
        box.addWidget(self.export)
        self.erase = t.button(lambda: tr("Erase member…"), "danger", "EraseMember")
        self.erase.clicked.connect(self._on_erase_clicked)
        box.addWidget(self.erase)
        self.message = MessageLabel("PrivacyMessage")
        box.addWidget(self.message)
        box.addStretch(1)
        self.allowed_export = ctx.can(Permission.MEMBER_EXPORT)
        self.allowed_erase = ctx.can(Permission.MEMBER_ERASE)
        self.show_member(None)

    def show_member(self, member: MemberView | None) -> None:
        if member is None or self.member is None or member.id != self.member.id:
            self.message.clear_message()
        self.member = member
        self.consent.setText(self._consent_text())
        live = member is not None and not member.erased
        self.export.setEnabled(member is not None and self.allowed_export)
        self.erase.setEnabled(live and self.allowed_erase)
        if member is not None and not (self.allowed_export and self.allowed_erase):
            self.message.show_message(
                lambda: tr("Only a manager or the owner can export or erase a member.")
            )

    def _consent_text(self) -> str:
        m = self.member
        if m is None:
            return ""
        if m.erased:
            return tr("This member's personal data was erased.")
        channels = [
            name
            for name, on in ((tr("SMS"), m.sms_marketing), (tr("e-mail"), m.email_marketing))
            if on
        ]
        when = local_dt(m.marketing_consent_at, self.ctx.tz) if m.marketing_consent_at else ""
        if channels:
            text = tr("Marketing consent: {channels}").format(channels=", ".join(channels))
        else:
            text = tr("Marketing consent: none")
        if when:
            text += " · " + tr("decided {when} under privacy policy {version}").format(
                when=when, version=m.marketing_policy_version or "—"
            )
        return text

    def retranslate_ui(self) -> None:
        self.texts.retranslate()
        self.message.retranslate()
        self.consent.setText(self._consent_text())

    # -- actions ----------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        m = self.member
        if m is None:
            return
        suggested = Path.home() / f"member-{m.id}.json"
        path = self.ctx.dialogs.save_path(self, tr("Export member data"), suggested)
        if path is None:
            return
        try:
            written = self.ctx.actions.export_member(self.ctx.staff, m.id, Path(path))
        except Exception as exc:
            self.message.show_message(problem(exc, "export member"))
            return
        self.message.show_message(
            lambda: tr("Saved {name}. It holds personal data: hand it only to the member.").format(
                name=written.name
            ),
            ok=True,
        )

    def _on_erase_clicked(self) -> None:
        m = self.member
        if m is None or m.erased:
            return
        reason = self.ctx.dialogs.ask_text(
            self,
            tr("Erase member"),
            tr("Why? (e.g. 'asked in person'; do not write the member's name)"),
        )
        if reason is None:
            return
        if not reason.strip():
            self.message.show_message(lambda: tr("A reason is required."))
            return
        question = tr(
            "Erase this member's personal data for good? Their orders and points stay "
            "for the accounts. This cannot be undone."
        )
        if not self.ctx.dialogs.confirm(self, tr("Erase member"), question):
            return
        try:
            erased = self.ctx.actions.erase_member(self.ctx.staff, m.id, reason)
        except Exception as exc:
            self.message.show_message(problem(exc, "erase member"))
            return
        self.member_erased.emit(erased)
        self.show_member(erased)
        self.message.show_message(lambda: tr("The member's personal data was erased."), ok=True)
