package org.netzerocities.support.privacy;

import java.util.function.Function;

/**
 * What one feature of a service holds on a member, for their data export: every feature that stores
 * something about members declares one as a bean. Erasure is each feature's reaction to {@code MemberErased}.
 *
 * @param section the section's name in the export, e.g. {@code account}
 * @param heldOn  everything the feature holds on a member id: a record, a list, or an empty value
 */
public record PersonalData(String section, Function<String, ?> heldOn) {
}
