package org.netzerocities.campaign.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelHandlesTest {

    @Test
    void theMainChannelHasNoCity() {
        assertThat(ChannelHandles.handleFor(null)).isEqualTo("NZCommunities");
    }

    @ParameterizedTest
    @CsvSource({ "lisbon, NZCommunities_Lisbon", "cluj-napoca, NZCommunities_ClujNapoca",
            "bucharest-district-2, NZCommunities_BucharestDistrict2", "frankfurt-am-main, NZCommunities_FrankfurtAmMain" })
    void aCityChannelIsNamedAfterItsCityIdWordsCapitalisedAndJoined(String city, String handle) {
        assertThat(ChannelHandles.handleFor(city)).isEqualTo(handle);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Lisbon", "cluj--napoca", "-lisbon", "lisbon-", "lisboa ", "málaga", "a_b", "42", "2-lisbon",
            "{\"$gt\":\"\"}", "lisbon\u0000" })
    void onlyCitiesMissionIdsNameACity(String city) {
        assertThat(ChannelHandles.isCityId(city)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> ChannelHandles.handleFor(city));
    }

    @Test
    void aCityIdIsAtMost64Characters() {
        assertThat(ChannelHandles.isCityId("a".repeat(64))).isTrue();
        assertThat(ChannelHandles.isCityId("a".repeat(65))).isFalse();
    }

    @Test
    void handlesDifferingOnlyInCaseNameOneAccount() {
        assertThat(ChannelHandles.key(ChannelHandles.handleFor("cluj-napoca")))
                .isEqualTo(ChannelHandles.key(ChannelHandles.handleFor("clujnapoca")));
    }
}
