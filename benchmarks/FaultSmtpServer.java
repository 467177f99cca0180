import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.FileWriter;
import java.io.PrintWriter;

/**
 * The local SMTP server of benchmarks/faults.sh (GreenMail from the Maven cache, run with Java's source launcher):
 * accepts every letter on 127.0.0.1:PORT and appends "reference TAB subject" of each to LOGFILE as it arrives,
 * so the count survives a stop of this server (kill it to take the mail server down).
 *
 *   java -cp greenmail.jar:… benchmarks/FaultSmtpServer.java PORT LOGFILE
 */
public class FaultSmtpServer {
  public static void main(String[] args) throws Exception {
    GreenMail mail = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    int seen = 0;
    try (PrintWriter log = new PrintWriter(new FileWriter(args[1], true), true)) {
      while (true) {
        MimeMessage[] received = mail.getReceivedMessages();
        for (; seen < received.length; seen++) {
          String reference = received[seen].getHeader("X-Redress-Reference", null);
          log.println(reference + "\t" + received[seen].getSubject());
        }
        Thread.sleep(200);
      }
    }
  }
}
