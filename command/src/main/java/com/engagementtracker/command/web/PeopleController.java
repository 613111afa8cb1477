package com.engagementtracker.command.web;

import com.engagementtracker.api.PersonId;
import com.engagementtracker.command.people.PersonDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People's personal data: the right to be forgotten. */
@RestController
@RequestMapping("/api/people")
@Tag(name = "People", description = "Personal data held about people on engagements")
class PeopleController {

    private final PersonDirectory directory;

    PeopleController(PersonDirectory directory) {
        this.directory = directory;
    }

    @PostMapping("/{personId}/forget")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Erase a person's personal data; every fact, allocation and money figure stays, shown as 'former participant'")
    ResponseEntity<ProblemDetail> forget(@PathVariable PersonId personId) {
        if (!directory.forget(personId)) {
            ProblemDetail notFound = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "there is no person " + personId + " in the directory");
            notFound.setProperty("code", "PERSON_NOT_FOUND");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound);
        }
        return ResponseEntity.noContent().build();
    }
}
