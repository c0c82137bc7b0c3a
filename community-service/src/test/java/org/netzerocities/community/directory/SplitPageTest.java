package org.netzerocities.community.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitPageTest {

    @Test
    void aPageWithinTheFrontrunnersTakesNobodyElse() {
        assertThat(SplitPage.of(25, 0, 10)).isEqualTo(new SplitPage(0, 10, 0, 0));
        assertThat(SplitPage.of(25, 10, 10)).isEqualTo(new SplitPage(10, 10, 0, 0));
    }

    @Test
    void aPageEndingExactlyWithTheLastFrontrunnerTakesNobodyElse() {
        assertThat(SplitPage.of(20, 10, 10)).isEqualTo(new SplitPage(10, 10, 0, 0));
    }

    @Test
    void aPageAcrossTheBoundaryTakesTheLastFrontrunnersThenTheFirstOthers() {
        assertThat(SplitPage.of(25, 20, 10)).isEqualTo(new SplitPage(20, 5, 0, 5));
        assertThat(SplitPage.of(3, 0, 20)).isEqualTo(new SplitPage(0, 3, 0, 17));
    }

    @Test
    void aPageAfterTheFrontrunnersSkipsTheOthersAlreadyShown() {
        assertThat(SplitPage.of(25, 30, 10)).isEqualTo(new SplitPage(0, 0, 5, 10));
        assertThat(SplitPage.of(20, 20, 10)).isEqualTo(new SplitPage(0, 0, 0, 10));
    }

    @Test
    void withoutFrontrunnersItIsAPlainPage() {
        assertThat(SplitPage.of(0, 40, 20)).isEqualTo(new SplitPage(0, 0, 40, 20));
    }

    @Test
    void theLargestOffsetDoesNotOverflow() {
        long offset = Integer.MAX_VALUE - 100L;
        assertThat(SplitPage.of(5, offset, 100)).isEqualTo(new SplitPage(0, 0, offset - 5, 100));
    }
}
