package org.netzerocities.community.member;

import org.netzerocities.support.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account section of a member's data export: the profile, roles and how they joined. */
@Configuration(proxyBeanMethods = false)
class AccountData {

    @Bean
    PersonalData accountOfMember(MemberService members) {
        return new PersonalData("account",
                memberId -> members.find(memberId).map(member -> new Account(members.view(member), member.campaignRef())));
    }

    /** {@code campaignRef}: the social campaign that brought the member, as they registered. */
    record Account(MemberView profile, String campaignRef) {
    }
}
