package org.netzerocities.community.directory;

/**
 * A page of "the city's frontrunners, then everyone else", as a page of each list: the directory queries the
 * two lists separately and never loads more than the page.
 *
 * @param frontrunnerSkip  frontrunners before the page
 * @param frontrunnerLimit frontrunners on the page (0: the page holds none)
 * @param restSkip         other members before the page
 * @param restLimit        other members on the page, at most (0: the page is full of frontrunners)
 */
record SplitPage(long frontrunnerSkip, int frontrunnerLimit, long restSkip, int restLimit) {

    static SplitPage of(long frontrunners, long offset, int size) {
        int fromFrontrunners = (int) Math.max(0, Math.min(size, frontrunners - offset));
        return new SplitPage(fromFrontrunners > 0 ? offset : 0, fromFrontrunners,
                Math.max(0, offset - frontrunners), size - fromFrontrunners);
    }
}
