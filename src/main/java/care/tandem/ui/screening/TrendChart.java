package care.tandem.ui.screening;

import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of totals over time with horizontal threshold lines (band bounds, the positive threshold), each
 * labelled in words at its right end, drawn in the plot area so they follow the axes when the window resizes.
 */
public final class TrendChart extends LineChart<Number, Number> {
    /** A drawn threshold: its value, its line and its label. */
    public record Marker(int value, Line line, Label label) {
    }

    private final List<Marker> markers = new ArrayList<>();

    public TrendChart(NumberAxis xAxis, NumberAxis yAxis) {
        super(xAxis, yAxis);
        getStyleClass().add("trend-chart");
    }

    /** Replaces the threshold lines. */
    public void setThresholds(List<TrendViewModel.Threshold> thresholds) {
        for (Marker m : markers) {
            getPlotChildren().removeAll(m.line(), m.label());
        }
        markers.clear();
        for (TrendViewModel.Threshold t : thresholds) {
            Line line = new Line();
            line.getStyleClass().addAll("trend-threshold", t.positive() ? "trend-threshold-positive" : "trend-threshold-band");
            line.setUserData(t.value());
            Label label = new Label(t.label());
            label.getStyleClass().addAll("trend-threshold-label", t.positive() ? "trend-threshold-positive" : "trend-threshold-band");
            label.setAlignment(Pos.BOTTOM_RIGHT);
            label.setMouseTransparent(true);
            Marker m = new Marker(t.value(), line, label);
            markers.add(m);
            getPlotChildren().addAll(line, label);
        }
        requestChartLayout();
    }

    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double width = getXAxis().getWidth();
        for (Marker m : markers) {
            double y = getYAxis().getDisplayPosition(m.value());
            m.line().setStartX(0);
            m.line().setEndX(width);
            m.line().setStartY(y);
            m.line().setEndY(y);
            m.line().toFront();
            Label label = m.label();
            label.autosize();
            double w = label.prefWidth(-1);
            double h = label.prefHeight(w);
            label.resizeRelocate(Math.max(0, width - w - 4), y - h - 1, w, h);
            label.toFront();
        }
    }
}
