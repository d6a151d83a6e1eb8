-- One topic vocabulary for projects and proposals (de.offenekommune.node.topic.Topic). Proposals
-- stored the upper-case German codes; they become the shared enum names projects already use.

ALTER TABLE proposal DROP CONSTRAINT proposal_topic_check;
UPDATE proposal SET topic = CASE topic
    WHEN 'VERKEHR' THEN 'TRANSPORT'
    WHEN 'UMWELT' THEN 'ENVIRONMENT'
    WHEN 'BAUEN' THEN 'BUILDING'
    WHEN 'BILDUNG' THEN 'EDUCATION'
    WHEN 'SOZIALES' THEN 'SOCIAL'
    WHEN 'KULTUR' THEN 'CULTURE'
    WHEN 'WIRTSCHAFT' THEN 'ECONOMY'
    WHEN 'VERWALTUNG' THEN 'ADMINISTRATION'
    ELSE topic END;
ALTER TABLE proposal ADD CONSTRAINT proposal_topic_check CHECK (topic IN ('TRANSPORT', 'ENVIRONMENT', 'BUILDING',
    'EDUCATION', 'SOCIAL', 'CULTURE', 'ECONOMY', 'ADMINISTRATION', 'SPORT', 'HEALTH'));

-- Projects stored the enum names from the start; the same list now guards them too.
ALTER TABLE project ADD CONSTRAINT project_topics_check CHECK (topics <@ ARRAY['TRANSPORT', 'ENVIRONMENT', 'BUILDING',
    'EDUCATION', 'SOCIAL', 'CULTURE', 'ECONOMY', 'ADMINISTRATION', 'SPORT', 'HEALTH']::text[]);
