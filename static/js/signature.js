// Signature on a tablet's screen: draw on the canvas, the hidden input gets a PNG data URL.
(function () {
  for (const pad of document.querySelectorAll(".signature-pad:not([data-ready])")) {
    pad.dataset.ready = "1";
    const canvas = pad.querySelector("canvas");
    const input = document.getElementById(pad.dataset.for);
    const ctx = canvas.getContext("2d");
    let drawing = false;
    let drawn = false;
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.strokeStyle = "#111";
    const at = (event) => {
      const box = canvas.getBoundingClientRect();
      return [(event.clientX - box.left) * (canvas.width / box.width), (event.clientY - box.top) * (canvas.height / box.height)];
    };
    canvas.addEventListener("pointerdown", (event) => {
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      ctx.beginPath();
      ctx.moveTo(...at(event));
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!drawing) return;
      ctx.lineTo(...at(event));
      ctx.stroke();
      drawn = true;
    });
    const finish = () => {
      if (!drawing) return;
      drawing = false;
      if (drawn) input.value = canvas.toDataURL("image/png");
    };
    canvas.addEventListener("pointerup", finish);
    canvas.addEventListener("pointerleave", finish);
    pad.querySelector("[data-clear]").addEventListener("click", () => {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      input.value = "";
      drawn = false;
    });
  }
})();
