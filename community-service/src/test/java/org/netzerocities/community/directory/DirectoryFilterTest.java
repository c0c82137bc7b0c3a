package org.netzerocities.community.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.member.Role;
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
    void aPrefixPatternEscapesEverythingButLettersAndDigits() {
        String pattern = DirectoryFilter.prefixPattern("a.*(b\\c$[ü9");

        assertThat(pattern).isEqualTo("^a\\.\\*\\(b\\\\c\\$\\[ü9");
        assertThat(Pattern.compile(pattern).matcher("a.*(b\\c$[ü9tail").find()).isTrue();
        assertThat(Pattern.compile(pattern).matcher("aXXb\\c$[ü9").find()).isFalse();
        assertThat(Pattern.compile(pattern).matcher("xa.*(b\\c$[ü9").find()).as("anchored").isFalse();
    }

    @Test
    void aTextOfPunctuationOnlyMatchesNobodyRatherThanEverybody() {
        assertThat(of(null, null, null, null, ".*", null).matchesNobody()).isTrue();
        assertThat(of(null, null, null, null, "(\\", null).matchesNobody()).isTrue();
        assertThat(of(null, null, null, null, "   ", null).matchesNobody()).as("blank is no text").isFalse();
    }

    @Test
    void eachWordBecomesAnAnchoredPrefixCondition() {
        String criteria = of("zurich", null, null, null, "zur ana", null).listed().getCriteriaObject().toJson();

        assertThat(criteria).contains("{\"keywords\": {\"$regularExpression\": {\"pattern\": \"^zur\", \"options\": \"\"}}}")
                .contains("{\"keywords\": {\"$regularExpression\": {\"pattern\": \"^ana\", \"options\": \"\"}}}")
                .contains("\"directoryVisible\": true").contains("\"city\": \"zurich\"");
    }

    @Test
    void aCityBoundRoleWithACityMeansThatRoleInThatCity() {
        String inCity = of("zurich", "FRONTRUNNER", null, null, null, null).listed().getCriteriaObject().toJson();
        String anywhere = of(null, "FRONTRUNNER", null, null, null, null).listed().getCriteriaObject().toJson();
        String global = of("zurich", "FACILITATOR", null, null, null, null).listed().getCriteriaObject().toJson();

        assertThat(inCity).contains("\"$elemMatch\": {\"role\": \"FRONTRUNNER\", \"city\": \"zurich\"}");
        assertThat(anywhere).contains("\"roles.role\": \"FRONTRUNNER\"").doesNotContain("$elemMatch");
        assertThat(global).contains("\"roles.role\": \"FACILITATOR\"");
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
