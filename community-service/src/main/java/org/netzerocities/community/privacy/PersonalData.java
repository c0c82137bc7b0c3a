package org.netzerocities.community.privacy;

/**
 * What one feature of community-service holds on a member, for their data export. Every feature that stores
 * something about members contributes a section; erasure is each feature's reaction to {@code MemberErased}.
 */
public interface PersonalData {

    /** The section's name in the export, e.g. {@code account}. */
    String section();

    /** Everything the feature holds on the member: a record, a list, or an empty value when it holds nothing. */
    Object heldOn(String memberId);
}
