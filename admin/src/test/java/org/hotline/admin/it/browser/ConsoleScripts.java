package org.hotline.admin.it.browser;

/** Scripts the browser tests run in the console's page, whatever browser drives it. */
public final class ConsoleScripts {
  private ConsoleScripts() {}

  /**
   * The report chart's series as ECharts holds them: {@code names}, {@code total} calls, and {@code
   * bar}, the offset from the chart's centre of the middle of the first bar with calls (null when
   * none).
   */
  public static final String CHART_SERIES =
      """
      const box = document.getElementById('volume-chart');
      const chart = window.echarts.getInstanceByDom(box);
      const series = chart.getOption().series;
      let total = 0, bar = null;
      series.forEach((s, i) => s.data.forEach((n, j) => {
        total += n;
        if (n > 0 && bar === null) {
          const [x, y] = chart.convertToPixel({ seriesIndex: i }, [j, n / 2]);
          bar = { x: x - box.clientWidth / 2, y: y - box.clientHeight / 2 };
        }
      }));
      return { names: series.map((s) => s.name), total, bar };
      """;
}
