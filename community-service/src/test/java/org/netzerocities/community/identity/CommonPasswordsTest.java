package org.netzerocities.community.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class CommonPasswordsTest {

    @Test
    void theBundledListHoldsHundredsOfPasswordsEachLongEnoughToBeChosenOtherwise() throws IOException {
        List<String> entries = new ClassPathResource("identity/common-passwords.txt")
                .getContentAsString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(entries).hasSizeGreaterThan(500).doesNotHaveDuplicates()
                .allSatisfy(entry -> assertThat(entry).hasSizeGreaterThanOrEqualTo(
                        AcceptablePasswordValidator.MIN_LENGTH));
    }
}
