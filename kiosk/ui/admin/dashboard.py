"""Dashboard: today's sales, orders, average ticket, refunds, points, payments by method,
the kitchen queue and sales by hour (QtCharts), refreshed live as orders are paid or
change status (coalesced: a burst of events costs one refresh)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QMargins, Qt
from PySide6.QtGui import QBrush, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.reports import DashboardSummary
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.format import local_dt, long_date, method_label, money, status_label, tr
from kiosk.ui.admin.page import AdminPage
from kiosk.ui.admin.theme import color
from kiosk.ui.admin.widgets import Card, KpiCard, Pill, Source, button, label
from kiosk.ui.fonts import ui_font

REFRESH_DELAY_MS = 250


class SalesChart(QChartView):
    """Sales per local hour as bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setObjectName("SalesChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart.legend().hide()
        self._chart.setBackgroundVisible(False)
        self._chart.setPlotAreaBackgroundVisible(False)
        self.setBackgroundBrush(QBrush(color("surface")))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.bars = QBarSet("")
        self.bars.setColor(color("chart_bar"))
        self.bars.setBorderColor(color("chart_bar"))
        self.series = QBarSeries()
        self.series.setBarWidth(0.7)
        self.series.append(self.bars)
        self._chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.0f")
        self.y_axis.setTickCount(5)
        for axis, where in (
            (self.x_axis, Qt.AlignmentFlag.AlignBottom),
            (self.y_axis, Qt.AlignmentFlag.AlignLeft),
        ):
            axis.setLabelsFont(ui_font(8))
            axis.setGridLineColor(color("chart_grid"))
            axis.setLabelsColor(color("muted"))
            self._chart.addAxis(axis, where)
            self.series.attachAxis(axis)
        self.x_axis.setGridLineVisible(False)
        self.x_axis.setTruncateLabels(False)  # "09" fits; Qt would still show "…"
        self.setMinimumHeight(200)
        self.retranslate_ui()

    def set_hours(self, hours: list[tuple[int, float]]) -> None:
        self.bars.remove(0, self.bars.count())
        self.x_axis.clear()
        labels = [f"{h:02d}" for h, _ in hours]
        # Repeated hours on a daylight-saving day still need distinct category names.
        seen: dict[str, int] = {}
        for i, text in enumerate(labels):
            seen[text] = seen.get(text, 0) + 1
            if seen[text] > 1:
                labels[i] = text + "′"
        self.x_axis.append(labels)
        values = [v for _, v in hours]
        self.bars.append(values)
        top = max(values, default=0.0)
        self.y_axis.setRange(0, top * 1.15 if top > 0 else 100)
        self.y_axis.applyNiceNumbers()

    def values(self) -> list[float]:
        return [self.bars.at(i) for i in range(self.bars.count())]

    def retranslate_ui(self) -> None:
        self.bars.setLabel(tr("Sales"))


class DashboardScreen(AdminPage):
    """The title and subtitle name the day shown (set by :meth:`reload`)."""

    SPACING = 14

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.summary: DashboardSummary | None = None
        self.refreshes = 0
        self._day: date | None = None  # None: follow "today"
        self._timer = self.debounced(REFRESH_DELAY_MS, self.reload)
        texts, page = self.texts, self.page
        self.prev_day = button("◀", name="PrevDay")
        self.prev_day.clicked.connect(lambda: self._on_step_clicked(-1))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("DashboardDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        self.next_day = button("▶", name="NextDay")
        self.next_day.clicked.connect(lambda: self._on_step_clicked(1))
        self.today_button = texts.button(lambda: tr("Today"), name="TodayButton")
        self.today_button.clicked.connect(self._on_today_clicked)
        for w in (self.prev_day, self.date_edit, self.next_day, self.today_button):
            self.header.tools.addWidget(w)

        self.kpis = kpis = QGridLayout()
        kpis.setSpacing(12)
        self.sales = self._kpi("KpiSales", lambda: tr("Sales"))
        self.orders = self._kpi("KpiOrders", lambda: tr("Orders"))
        self.average = self._kpi("KpiAverage", lambda: tr("Average ticket"))
        self.refunds = self._kpi("KpiRefunds", lambda: tr("Refunds"))
        self.points_issued = self._kpi("KpiPointsIssued", lambda: tr("Points issued"))
        self.points_redeemed = self._kpi("KpiPointsRedeemed", lambda: tr("Points redeemed"))
        self.kpi_cards = [
            self.sales,
            self.orders,
            self.average,
            self.refunds,
            self.points_issued,
            self.points_redeemed,
        ]
        self._kpi_columns = 0
        self._place_kpis(6)
        page.addLayout(kpis)

        self.lower = lower = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        lower.setSpacing(12)
        chart_card = Card()
        self.chart_title = label("", "subtitle", "ChartTitle")
        chart_card.body.addWidget(self.chart_title)
        self.chart = SalesChart()
        chart_card.body.addWidget(self.chart, 1)
        lower.addWidget(chart_card, 3)

        side = QVBoxLayout()
        side.setSpacing(12)
        methods = Card()
        methods.setObjectName("PaymentsByMethod")
        methods.body.addWidget(texts.label(lambda: tr("Payments by method"), "subtitle"))
        self.method_rows: dict[str, tuple[QWidget, QProgressBar]] = {}
        for method in ("cash", "card", "promptpay"):
            text = label("", name=f"Method_{method}")
            bar = QProgressBar()
            bar.setObjectName(f"MethodBar_{method}")
            bar.setTextVisible(False)
            bar.setMaximumHeight(8)
            bar.setRange(0, 1000)
            methods.body.addWidget(text)
            methods.body.addWidget(bar)
            self.method_rows[method] = (text, bar)
        side.addWidget(methods)

        queue = Card()
        queue.setObjectName("KitchenQueue")
        queue.body.addWidget(texts.label(lambda: tr("Kitchen queue"), "subtitle"))
        pills = QHBoxLayout()
        self.queue_pills: dict[str, Pill] = {}
        for status in ("pending", "preparing", "ready"):
            pill = Pill(status)
            pill.setObjectName(f"Queue_{status}")
            pills.addWidget(pill)
            self.queue_pills[status] = pill
        pills.addStretch(1)
        queue.body.addLayout(pills)
        self.day_statuses = label("", "muted", "DayStatuses")
        self.day_statuses.setWordWrap(True)
        queue.body.addWidget(self.day_statuses)
        side.addWidget(queue)

        best = Card()
        best.setObjectName("BestSellers")
        best.body.addWidget(texts.label(lambda: tr("Best sellers"), "subtitle"))
        self.best_grid = QGridLayout()
        self.best_grid.setHorizontalSpacing(12)
        self.best_grid.setVerticalSpacing(4)
        self.best_grid.setColumnStretch(0, 1)
        self.best_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for r in range(5):
            cells = (label(name=f"Best_{r}"), label(), label())
            cells[1].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells[2].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, cell in enumerate(cells):
                self.best_grid.addWidget(cell, r, c)
            self.best_rows.append(cells)
        best.body.addLayout(self.best_grid)
        self.best_empty = texts.label(lambda: tr("No sales yet."), "muted", "BestEmpty")
        best.body.addWidget(self.best_empty)
        side.addWidget(best)
        side.addStretch(1)
        # The side column scrolls when the window is short (a 1280x720 laptop).
        side_scroll = QScrollArea()
        side_scroll.setObjectName("DashboardSide")
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_widget = QWidget()
        side_widget.setObjectName("ScrollInner")
        side_widget.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        side_scroll.setWidget(side_widget)
        self.side_scroll, self.side_widget = side_scroll, side_widget
        lower.addWidget(side_scroll, 2)
        page.addLayout(lower, 1)
        self.updated = label("", "muted", "DashboardUpdated")
        page.addWidget(self.updated)

        events = ctx.events
        for signal in (
            events.order_paid,
            events.order_status_changed,
            events.order_refunded,
            events.order_created,
            events.points_changed,
        ):
            signal.connect(self._on_events_changed)
        self.reload()

    def _kpi(self, name: str, title: Source) -> KpiCard:
        """A KPI card named ``name`` whose title follows the language."""
        card = KpiCard("", name)
        self.texts.bind(card.title.setText, title)
        return card

    def _place_kpis(self, columns: int) -> None:
        """Six cards in a row, or two rows of three on a narrow (portrait) screen."""
        if columns == self._kpi_columns:
            return
        self._kpi_columns = columns
        for card in self.kpi_cards:
            self.kpis.removeWidget(card)
        for i, card in enumerate(self.kpi_cards):
            self.kpis.addWidget(card, i // columns, i % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wide: six cards in a row, chart beside the side cards. Narrow (a portrait
        screen): two rows of cards, the side cards under the chart."""
        width = event.size().width()
        self._place_kpis(6 if width >= 1150 else 3)
        wide = width >= 900
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.lower.direction() != direction:
            self.lower.setDirection(direction)
            self.side_scroll.setMinimumHeight(
                0 if wide else min(self.side_widget.sizeHint().height(), 560)
            )
        super().resizeEvent(event)

    # -- behaviour --------------------------------------------------------------------------
    @property
    def day(self) -> date:
        return self._day or self.ctx.today()

    def show_day(self, day: date | None) -> None:
        self._day = None if day is None or day == self.ctx.today() else day
        self.reload()

    def _on_events_changed(self, _event: object) -> None:
        self._timer.start()  # restarts: a burst of events gives one refresh

    def _on_step_clicked(self, step: int) -> None:
        self.show_day(self.day + timedelta(days=step))

    def _on_today_clicked(self) -> None:
        self.show_day(None)

    def _on_date_edit_date_changed(self, value: QDate) -> None:
        picked = date(value.year(), value.month(), value.day())
        if picked != self.day:
            self.show_day(picked)

    def reload(self) -> None:
        s = self.ctx.reports.summary(self.day)
        self.summary = s
        self.refreshes += 1
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(s.day.year, s.day.month, s.day.day))
        self.date_edit.blockSignals(False)
        today = self.ctx.today()
        self.header.title.setText(tr("Today") if s.day == today else tr("Dashboard"))
        self.header.subtitle.setText(f"{long_date(s.day)} · {s.timezone}")
        self.next_day.setEnabled(s.day < today)
        self.sales.set(
            money(s.sales), tr("{n} payments").format(n=sum(m.count for m in s.by_method))
        )
        self.orders.set(f"{s.orders:,}", tr("paid orders"))
        self.average.set(money(s.average_ticket), tr("per paid order"))
        self.refunds.set(money(s.refunds), tr("{n} refunded").format(n=s.refund_count))
        self.points_issued.set(f"{s.points_issued:,}", tr("earned, net of refunds"))
        self.points_redeemed.set(f"{s.points_redeemed:,}", tr("spent as discounts"))
        self.chart.set_hours([(h.hour, float(h.sales)) for h in s.by_hour])
        best = s.best_hour
        self.chart_title.setText(
            tr("Sales by hour (THB)")
            + (
                tr(" · busiest {hour:02d}:00, {amount}").format(
                    hour=best.hour, amount=money(best.sales)
                )
                if best
                else ""
            )
        )
        totals = {m.method: m for m in s.by_method}
        for method, (text, bar) in self.method_rows.items():
            m = totals.get(method)
            amount = m.amount if m else Decimal("0.00")
            count = m.count if m else 0
            text.setText(f"{method_label(method)}  ·  {count:,}  ·  {money(amount)}")
            share = int(1000 * amount / s.sales) if s.sales else 0
            bar.setValue(share)
        for status, pill in self.queue_pills.items():
            pill.set_status(status, f"{status_label(status)}  {s.queue.get(status, 0)}")
        parts = [
            f"{status_label(k)} {v:,}"
            for k, v in sorted(s.day_statuses.items(), key=lambda kv: kv[0])
        ]
        self.day_statuses.setText(
            tr("This day: ") + (", ".join(parts) if parts else tr("no orders"))
        )
        for r, cells in enumerate(self.best_rows):
            item = s.top_items[r] if r < len(s.top_items) else None
            texts = (
                (f"{item.name_th} · {item.name_en}", f"× {item.quantity:,}", money(item.amount))
                if item
                else ("", "", "")
            )
            for cell, text in zip(cells, texts, strict=True):
                cell.setText(text)
                cell.setVisible(item is not None)
        self.best_empty.setVisible(not s.top_items)
        now = self.ctx.store.clock.now()
        self.updated.setText(
            tr("Updated {time} · updates live as orders are paid").format(
                time=local_dt(now, s.timezone, with_date=False)
            )
        )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.chart.retranslate_ui()
        self.reload()
