package org.netzerocities.notification;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The routes the portal uses are described in the service's OpenAPI document, which needs no token. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ApiDocsTest extends ConsumingServiceTest {

    @Test
    void theInboxAndLiveStreamRoutesAreInTheOpenApiDocument() throws Exception {
        http.perform(get("/api/notifications/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/notifications")))
                .andExpect(jsonPath("$.paths", hasKey("/api/notifications/{id}/read")))
                .andExpect(jsonPath("$.paths", hasKey("/api/notifications/read-all")))
                .andExpect(jsonPath("$.paths", hasKey("/api/notifications/unread-count")))
                .andExpect(jsonPath("$.paths", hasKey("/api/notifications/stream")))
                .andExpect(jsonPath("$.paths", hasKey("/api/notifications/stream-tickets")))
                .andExpect(jsonPath("$.paths", hasKey("/api/notifications/me/export")))
                .andExpect(jsonPath("$.paths['/api/notifications/stream'].get.parameters[*].name",
                        org.hamcrest.Matchers.hasItems("ticket", "Last-Event-ID", "lastEventId")));
    }
}
