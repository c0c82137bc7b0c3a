package org.netzerocities.community.group;

/** A public group is open to every member; joining a private one is a request its moderators answer. */
public enum GroupVisibility {
    PUBLIC, PRIVATE
}
