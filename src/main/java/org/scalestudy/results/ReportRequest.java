package org.scalestudy.results;

import java.util.List;

/**
 * What the study's {@code report} block asked for. Known charts: {@code scaling}, {@code residuals}.
 * Known tables: {@code parameters}, {@code errors}, {@code runs}.
 */
public record ReportRequest(List<String> charts, List<String> tables) {
}
