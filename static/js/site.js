// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Signup and profile: show only the agencies of the chosen country.
  function filterAgencies(countrySelect, agencySelect) {
    var country = countrySelect.value;
    var groups = agencySelect.querySelectorAll("optgroup");
    groups.forEach(function (group) {
      var options = group.querySelectorAll("option");
      var visible = false;
      options.forEach(function (option) {
        var show = !country || option.getAttribute("data-country") === country;
        option.hidden = !show;
        option.disabled = !show;
        visible = visible || show;
      });
      group.hidden = !visible;
    });
    var selected = agencySelect.options[agencySelect.selectedIndex];
    if (selected && selected.disabled) {
      agencySelect.value = "";
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var country = document.getElementById("id_country");
    var agency = document.getElementById("id_agency");
    if (country && agency) {
      filterAgencies(country, agency);
      country.addEventListener("change", function () {
        filterAgencies(country, agency);
      });
    }
  });
})();
