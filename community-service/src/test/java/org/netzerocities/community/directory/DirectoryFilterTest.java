package org.netzerocities.community.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.member.Role;
import org.netzerocities.community.member.RoleGrant;
import org.netzerocities.community.member.SocialHandles;
import org.netzerocities.support.ApiProblem;

class DirectoryFilterTest {

    private static final Set<String> CITIES = Set.of("zurich", "cluj-napoca");

    @Test
    void theTextsWordsAreNormalisedAsTheMembersKeywordsAre() {
        DirectoryFilter filter = of(null, null, null, null, "  ZÜR  Łódź-Ana ", null);

        assertThat(filter.words()).containsExactly("zur", "lodz", "ana");
        assertThat(filter.matchesNobody()).isFalse();
    }

    @Test
    void aTextOfPunctuationOnlyMatchesNobodyRatherThanEverybody() {
        assertThat(of(null, null, null, null, ".*", null).matchesNobody()).isTrue();
        assertThat(of(null, null, null, null, "(\\", null).matchesNobody()).isTrue();
        assertThat(of(null, null, null, null, "   ", null).matchesNobody()).as("blank is no text").isFalse();
    }

    @Test
    void everyWordMustStartOneOfTheMembersWords() {
        var ana = listed("zurich", List.of("zurich", "energie", "ana"), RoleGrant.global(Role.MEMBER));

        assertThat(of("zurich", null, null, null, "zur ana", null).admits(ana)).isTrue();
        assertThat(of("zurich", null, null, null, "ZÜR", null).admits(ana)).isTrue();
        assertThat(of("zurich", null, null, null, "zur bob", null).admits(ana)).as("every word").isFalse();
        assertThat(of("zurich", null, null, null, "rich", null).admits(ana)).as("prefixes only").isFalse();
        assertThat(of("cluj-napoca", null, null, null, "zur", null).admits(ana)).as("the city").isFalse();
    }

    @Test
    void aCityBoundRoleWithACityMeansThatRoleInThatCity() {
        var frontrunnerOfCluj = listed("zurich", List.of("ana"), RoleGrant.global(Role.MEMBER),
                new RoleGrant(Role.FRONTRUNNER, "cluj-napoca"), RoleGrant.global(Role.FACILITATOR));

        assertThat(of("zurich", "FRONTRUNNER", null, null, null, null).admits(frontrunnerOfCluj)).isFalse();
        assertThat(of(null, "FRONTRUNNER", null, null, null, null).admits(frontrunnerOfCluj)).isTrue();
        assertThat(of("zurich", "FACILITATOR", null, null, null, null).admits(frontrunnerOfCluj)).isTrue();
        assertThat(of("zurich", "TRANSITION_TEAM", null, null, null, null).admits(frontrunnerOfCluj)).isFalse();
    }

    @Test
    void topicsAndLanguagesMustBeAmongTheMembers() {
        var ana = listed("zurich", List.of("ana"), RoleGrant.global(Role.MEMBER));

        assertThat(of(null, null, "Energy", "DE", null, null).admits(ana)).isTrue();
        assertThat(of(null, null, "food", null, null, null).admits(ana)).isFalse();
        assertThat(of(null, null, null, "ro", null, null).admits(ana)).isFalse();
    }

    private static ListedMembers.Listed listed(String city, List<String> keywords, RoleGrant... roles) {
        return new ListedMembers.Listed(new MemberCard("m-1", "Ana", city, List.of("de"), List.of("energy"), null,
                new SocialHandles(null, null, null), List.of(roles), null), "ana", java.time.Instant.now(),
                " " + String.join(" ", keywords) + " ");
    }

    @Test
    void topicsAndLanguagesAreMatchedAsStored() {
        DirectoryFilter filter = of(null, null, "  Energy ", "RO", null, "newest");

        assertThat(filter.topic()).isEqualTo("energy");
        assertThat(filter.language()).isEqualTo("ro");
        assertThat(filter.sort()).isEqualTo(DirectorySort.NEWEST);
        assertThat(of(null, null, "", "", "", "").sort()).isEqualTo(DirectorySort.NAME);
    }

    @Test
    void everyFaultyParameterIsNamed() {
        assertThatThrownBy(() -> of("atlantis", "ADMIN", "x".repeat(51), "eng", "q".repeat(101), "random"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(fields(problem))
                        .containsExactly("city", "role", "topic", "language", "q", "sort"));
        assertThatThrownBy(() -> of(null, null, "a\u0000", null, "Ana\u001b[31m", null))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(fields(problem)).containsExactly("topic", "q"));
        assertThatThrownBy(() -> of(null, "frontrunner", null, null, null, null)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void theListedRolesLeaveOperatorsOut() {
        assertThat(DirectoryFilter.LISTED_ROLES).doesNotContain(Role.ADMIN).hasSize(4);
    }

    private static DirectoryFilter of(String city, String role, String topic, String language, String q, String sort) {
        return DirectoryFilter.of(city, role, topic, language, q, sort, CITIES::contains);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ApiProblem problem) {
        return ((List<ApiProblem.FieldError>) problem.getBody().getProperties().get("errors")).stream()
                .map(ApiProblem.FieldError::field).toList();
    }
}
