package org.netzerocities.community.member;

import org.netzerocities.community.privacy.PersonalData;
import org.springframework.stereotype.Component;

/** The account section of a member's data export: the profile, roles and how they joined. */
@Component
class AccountData implements PersonalData {

    private final MemberService members;

    AccountData(MemberService members) {
        this.members = members;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Object heldOn(String memberId) {
        return members.find(memberId).map(member -> new Account(members.view(member), member.campaignRef()));
    }

    /** {@code campaignRef}: the social campaign that brought the member, as they registered. */
    record Account(MemberView profile, String campaignRef) {
    }
}
