package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The dashboards' queries are read as the end-to-end check of their metric names reads them. */
class DashboardMetricsTest {

    private static final Path REPO_ROOT = Path.of(System.getProperty("nzc.repo.root", "../.."));

    @Test
    void theMetricNamesOfAQueryAreFoundAndItsLabelsFunctionsAndRangesAreNot() throws Exception {
        Path dashboard = Files.createTempFile("dashboard", ".json");
        Files.writeString(dashboard, """
                {"panels": [{"targets": [{"expr": "histogram_quantile(0.95, sum by (application, le) (rate(\
                http_server_requests_seconds_bucket{application=~\\"$service\\", status=~\\"5..\\"}[$__rate_interval])))"},
                {"expr": "sum(nzc_outbox_backlog) / sum(increase(nzc_events_consumed_total[1h]))"}]}],
                 "templating": {"list": [{"definition": "label_values(process_uptime_seconds, application)"}]}}
                """);

        assertThat(DashboardMetrics.metricNames(dashboard)).containsExactlyInAnyOrder(
                "http_server_requests_seconds_bucket", "nzc_outbox_backlog", "nzc_events_consumed_total",
                "process_uptime_seconds");
    }

    @Test
    void theDashboardsQueryTheMetricsTheServicesAdd() throws Exception {
        assertThat(DashboardMetrics.dashboards(REPO_ROOT)).hasSize(2).allSatisfy(dashboard -> assertThat(
                DashboardMetrics.metricNames(dashboard)).isNotEmpty());
        assertThat(DashboardMetrics.metricNames(REPO_ROOT.resolve(DashboardMetrics.DIRECTORY)
                .resolve("mission-funnel.json"))).contains("nzc_mission_calls_launched_total",
                "nzc_mission_members_joined_total", "nzc_mission_members_onboarded_total",
                "nzc_mission_learners_enrolled_total", "nzc_mission_certificates_issued_total",
                "nzc_mission_posts_published_total", "nzc_notifications_sent_total");
    }

    @Test
    void aScrapeNamesEachSeriesOnce() {
        assertThat(DashboardMetrics.scraped("""
                # HELP nzc_outbox_backlog Events stored
                # TYPE nzc_outbox_backlog gauge
                nzc_outbox_backlog{application="community-service"} 0.0
                jvm_threads_live_threads 31.0
                """)).containsExactly("jvm_threads_live_threads", "nzc_outbox_backlog");
    }
}
