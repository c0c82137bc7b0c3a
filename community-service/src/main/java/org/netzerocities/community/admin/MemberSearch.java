package org.netzerocities.community.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.netzerocities.community.member.Keywords;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.Role;
import org.netzerocities.community.support.QueryText;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The admins' member search: one filtered, sorted page of the accounts (erased ones are gone) and its count, never a
 * query per member. The text matches the email address or the display name anywhere in them, ignoring case and
 * accents (on the normalised sort name).
 */
@Service
class MemberSearch {

    /** By name, then id: a stable order for paging. */
    static final Sort ORDER = Sort.by(Member.SORT_NAME, "_id");
    static final int MAX_TEXT = 254;
    static final int MAX_CITY = 100;

    private final MongoTemplate mongo;

    MemberSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    PageResponse<AdminMemberView> find(Filter filter, Pageable page) {
        Query query = Query.query(filter.criteria());
        long total = mongo.count(query, Member.class);
        List<AdminMemberView> items = mongo.find(Query.query(filter.criteria()).with(page), Member.class).stream()
                .map(AdminMemberView::of).toList();
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
    }

    /**
     * What an admin searches for; every part optional.
     *
     * @param text   part of an email address or display name
     * @param city   the member's city id
     * @param role   a role the member holds (in any city, for city-bound roles)
     * @param status whether suspended
     */
    record Filter(String text, String city, Role role, MemberStatus status) {

        /**
         * @throws ApiProblem 400 for a text or city too long, or with control characters
         */
        Filter {
            var errors = new ArrayList<ApiProblem.FieldError>();
            text = QueryText.optional("q", text, MAX_TEXT, errors);
            city = QueryText.optional("city", city, MAX_CITY, errors);
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
        }

        /** Values go into the query as literals only: a {@code {"$ne": ...}} sent as text is text. */
        Criteria criteria() {
            List<Criteria> all = new ArrayList<>();
            all.add(Criteria.where(Member.ERASED_AT).is(null));
            if (text != null) {
                all.add(new Criteria().orOperator(
                        Criteria.where(Member.EMAIL).regex(Pattern.quote(text.toLowerCase(Locale.ROOT))),
                        Criteria.where(Member.SORT_NAME).regex(Pattern.quote(Keywords.normalise(text)))));
            }
            if (city != null) {
                all.add(Criteria.where(Member.CITY).is(city));
            }
            if (role != null) {
                all.add(Criteria.where(Member.ROLES + ".role").is(role.name()));
            }
            if (status != null) {
                all.add(status == MemberStatus.SUSPENDED ? Criteria.where(Member.SUSPENDED_AT).ne(null)
                        : Criteria.where(Member.SUSPENDED_AT).is(null));
            }
            return new Criteria().andOperator(all);
        }
    }
}
