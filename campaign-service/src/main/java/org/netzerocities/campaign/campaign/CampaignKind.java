package org.netzerocities.campaign.campaign;

/** The four kinds of campaign the engagement plan runs (section 3.1.1 of the plan). */
public enum CampaignKind {
    /** An ongoing series of short interviews with the many actors working towards the mission. */
    COMMUNICATION_SERIES,
    /** Instagram collaboration posts with a city or an influencer as collaborator. */
    COLLABORATION_POST,
    /** Articles and posts from templates cities fill in, impact stories, knowledge-repository case studies. */
    CONTENT_CREATION,
    /** An invitation to a specific activity, with a response form and a deadline. */
    CALL_TO_ACTION
}
