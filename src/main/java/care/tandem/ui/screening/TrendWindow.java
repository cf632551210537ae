package care.tandem.ui.screening;

import care.tandem.ui.common.UiContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The "Tandem — Results over time" window: one caregiver's finished results with one instrument as a line chart
 * of totals with the band and positive thresholds drawn, and a table of every result in words. Instruments
 * without a total show the table only. The title never names the caregiver.
 */
public final class TrendWindow {
    public static final String STYLESHEET = "/care/tandem/ui/screening/Trend.css";
    private static final double DAY_PADDING = 7;

    private TrendWindow() {
    }

    /** Opens the window over {@code owner} for this caregiver and instrument. */
    public static void show(UiContext ui, Window owner, UUID subjectId, String instrumentId) {
        open(ui, owner, subjectId, instrumentId);
    }

    /** As {@link #show}, returning the window. */
    public static Stage open(UiContext ui, Window owner, UUID subjectId, String instrumentId) {
        TrendViewModel vm = new TrendViewModel(ui.app().screening(), ui.runner(), ui.dialogs(), ui.texts(),
                subjectId, instrumentId, ZoneId.systemDefault());
        return open(ui, owner, vm);
    }

    static Stage open(UiContext ui, Window owner, TrendViewModel vm) {
        Label heading = new Label();
        heading.textProperty().bind(vm.headingProperty());
        heading.getStyleClass().add("title-3");
        heading.setId("trendHeading");

        NumberAxis xAxis = new NumberAxis();
        xAxis.setLabel(vm.texts().get("trend.axis.date"));
        xAxis.setAutoRanging(false);
        xAxis.setMinorTickVisible(false);
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number day) {
                return vm.dateText(Math.round(day.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel(vm.texts().get("trend.axis.total"));
        yAxis.setAutoRanging(false);
        yAxis.setLowerBound(0);
        yAxis.setMinorTickVisible(false);
        TrendChart chart = new TrendChart(xAxis, yAxis);
        chart.setId("trendChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setFocusTraversable(true);
        chart.setAccessibleText(vm.texts().get("trend.chart.accessible"));
        chart.setMinHeight(280);
        VBox.setVgrow(chart, Priority.ALWAYS);

        Label empty = new Label();
        empty.textProperty().bind(vm.emptyTextProperty());
        empty.getStyleClass().add("empty-text");
        empty.setId("trendEmpty");

        TableView<TrendViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("trendTable");
        table.setAccessibleText(vm.texts().get("trend.table.accessible"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(200);
        table.setMinHeight(160);
        table.setPlaceholder(new Label(vm.texts().get("trend.loading")));
        TableColumn<TrendViewModel.Row, String> date = column(vm, "trend.column.date", TrendViewModel.Row::dateText);
        TableColumn<TrendViewModel.Row, String> total = column(vm, "trend.column.total", TrendViewModel.Row::total);
        TableColumn<TrendViewModel.Row, String> band = column(vm, "trend.column.band", TrendViewModel.Row::band);
        TableColumn<TrendViewModel.Row, String> outcome = column(vm, "trend.column.outcome", TrendViewModel.Row::outcome);
        TableColumn<TrendViewModel.Row, String> needs = column(vm, "trend.column.needs", TrendViewModel.Row::needs);
        TableColumn<TrendViewModel.Row, String> privateDomain =
                column(vm, "trend.column.private", TrendViewModel.Row::privateDomain);
        TableColumn<TrendViewModel.Row, String> language =
                column(vm, "trend.column.language", TrendViewModel.Row::language);
        TableColumn<TrendViewModel.Row, String> mode = column(vm, "trend.column.mode", TrendViewModel.Row::mode);
        table.getColumns().addAll(List.of(date, total, band, outcome, needs, privateDomain, language, mode));
        for (TableColumn<TrendViewModel.Row, String> c : List.of(total, band, outcome)) {
            c.visibleProperty().bind(vm.hasTotalProperty());
        }
        needs.visibleProperty().bind(vm.hasTotalProperty().not());
        privateDomain.visibleProperty().bind(vm.hasPrivateDomainProperty());
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(TrendViewModel.Row row, boolean isEmpty) {
                super.updateItem(row, isEmpty);
                pseudoClassStateChanged(INCOMPLETE, !isEmpty && row != null && row.incomplete());
            }
        });

        Button close = new Button(vm.texts().get("dialog.close"));
        close.setId("trendClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.getStyleClass().add("button-row");

        VBox page = new VBox(heading, chart, empty, table, buttons);
        page.getStyleClass().add("trend-page");
        page.setPadding(new Insets(20));

        Runnable refresh = () -> {
            boolean loaded = vm.loadedProperty().get();
            boolean any = !vm.rows().isEmpty();
            boolean drawChart = loaded && any && vm.hasTotalProperty().get();
            chart.setVisible(drawChart);
            chart.setManaged(drawChart);
            empty.setVisible(loaded && !any);
            empty.setManaged(loaded && !any);
            table.setVisible(!loaded || any);
            table.setManaged(!loaded || any);
            if (drawChart) {
                draw(chart, xAxis, yAxis, vm);
            }
        };
        vm.rows().addListener((ListChangeListener<TrendViewModel.Row>) c -> refresh.run());
        vm.loadedProperty().addListener((obs, was, is) -> refresh.run());
        refresh.run();

        Stage stage = ui.windows().newStage(owner, "trend.title", page, 900, 720);
        stage.getScene().getStylesheets().add(STYLESHEET);
        close.setOnAction(e -> stage.hide());
        stage.show();
        close.requestFocus();
        vm.load();
        return stage;
    }

    private static final javafx.css.PseudoClass INCOMPLETE = javafx.css.PseudoClass.getPseudoClass("incomplete");

    private static void draw(TrendChart chart, NumberAxis xAxis, NumberAxis yAxis, TrendViewModel vm) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(vm.instrumentNameProperty().get());
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (TrendViewModel.Row r : vm.rows()) {
            first = Math.min(first, r.date().toEpochDay());
            last = Math.max(last, r.date().toEpochDay());
        }
        for (TrendViewModel.Point p : vm.points()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.epochDay(), p.total());
            series.getData().add(d);
        }
        chart.getData().setAll(List.of(series));
        // Whole-day ticks from a week before the first result, ending on a tick a week or more after the last.
        double lower = first - DAY_PADDING;
        double unit = Math.max(1, Math.ceil((last - first + 2 * DAY_PADDING) / 6));
        xAxis.setLowerBound(lower);
        xAxis.setUpperBound(lower + unit * Math.ceil((last + DAY_PADDING - lower) / unit));
        xAxis.setTickUnit(unit);
        int max = Math.max(1, vm.maxTotalProperty().get());
        int tick = max > 20 ? 5 : max > 8 ? 2 : 1;
        yAxis.setUpperBound(tick * Math.ceil((double) max / tick));
        yAxis.setTickUnit(tick);
        chart.setThresholds(vm.thresholds());
    }

    private static TableColumn<TrendViewModel.Row, String> column(TrendViewModel vm, String key,
                                                                  Function<TrendViewModel.Row, String> value) {
        TableColumn<TrendViewModel.Row, String> c = new TableColumn<>(vm.texts().get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
