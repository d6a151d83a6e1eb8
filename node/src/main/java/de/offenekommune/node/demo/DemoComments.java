package de.offenekommune.node.demo;

import de.offenekommune.node.NodeApp;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.comment.Comment;
import de.offenekommune.node.comment.CommentService;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectComments;

/** A short discussion on the Marktplatz project and on its latest news post, so those pages show threads. */
final class DemoComments {
    private final NodeApp.Components c;
    private final Account staff;
    private final Account anna;
    private final Account jonas;

    DemoComments(NodeApp.Components c, Account staff, Account anna, Account jonas) {
        this.c = c;
        this.staff = staff;
        this.anna = anna;
        this.jonas = jonas;
    }

    void create() {
        CommentService comments = c.participation().comments();
        Project marktplatz = c.projects().visible("neugestaltung-marktplatz");
        Comment shade = comments.add(anna, ProjectComments.PROJECT, marktplatz.id(), null,
                "Bitte denken Sie an Schatten. Im Sommer ist der Platz heute kaum auszuhalten.");
        comments.add(staff, ProjectComments.PROJECT, marktplatz.id(), shade.id(),
                "Danke! Alle drei Entwürfe sehen neue Bäume vor. Entwurf A hat die meisten.");
        comments.add(jonas, ProjectComments.PROJECT, marktplatz.id(), null,
                "Wo sollen die Marktstände stehen, wenn der Platz umgebaut wird?");
        News latest = c.news().published(marktplatz.id(), 0, 1).getFirst();
        comments.add(jonas, ProjectComments.NEWS, latest.id(), null,
                "Gut, dass die Entwürfe auch im Rathaus ausliegen. Nicht alle sind online.");
    }
}
