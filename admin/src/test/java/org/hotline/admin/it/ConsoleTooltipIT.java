package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;

import java.util.Map;
import org.hotline.admin.it.browser.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The report chart's tooltip in headless Chromium with the ECharts the console serves: a series
 * named with HTML (an agent's or a queue's name is data) shows as text, and its script never runs.
 */
class ConsoleTooltipIT {
  private static final String HOSTILE = "<img src=x onerror=\"window.__tooltipXss = 1\">";

  @Test
  void aSeriesNamedWithHtml_showsAsText_inTheChartsTooltip() throws Exception {
    try (RunningServer server = new RunningServer(Map.of("hotline.demo.agents", "1"))) {
      Chromium chromium = Chromium.start();
      try {
        chromium.run(
            "console-tooltip-failure",
            () -> {
              chromium.driver.get("http://127.0.0.1:" + server.httpPort + "/");
              chromium.waiting().until(attributeToBe(By.tagName("body"), "data-ready", "true"));

              @SuppressWarnings("unchecked")
              Map<String, Object> shown =
                  (Map<String, Object>)
                      ((JavascriptExecutor) chromium.driver)
                          .executeAsyncScript(
                              """
              const name = arguments[0];
              const done = arguments[arguments.length - 1];
              import('/console/tooltip.js').then((m) => {
                const box = document.createElement('div');
                box.style.width = '400px';
                box.style.height = '300px';
                document.body.appendChild(box);
                const chart = window.echarts.init(box, null, { renderer: 'canvas' });
                chart.setOption({
                  animation: false,
                  tooltip: { trigger: 'axis', formatter: m.axisTooltip },
                  xAxis: { type: 'category', data: ['<b>10:00</b>'] },
                  yAxis: { type: 'value' },
                  series: [{ type: 'bar', name, data: [3] }],
                });
                chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
                setTimeout(() => {
                  const tip = [...box.querySelectorAll('div')].find((d) => d.textContent.includes('onerror'));
                  done({ xss: window.__tooltipXss ?? null, text: tip ? tip.textContent : null, images: box.querySelectorAll('img').length });
                }, 300);
              }, (e) => done({ error: String(e) }));
              """,
                              HOSTILE);

              assertNull(shown.get("error"), shown.toString());
              assertNull(shown.get("xss"), "the name's script did not run: " + shown);
              assertEquals(0L, shown.get("images"), shown.toString());
              String text = (String) shown.get("text");
              assertTrue(
                  text != null && text.contains(HOSTILE) && text.contains("<b>10:00</b>"),
                  "shown as text: " + shown);
            });
      } finally {
        chromium.close();
      }
    }
  }
}
